package jp.madoguchi.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jp.madoguchi.crypto.MasterKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The seal of a chain: an HMAC over its anchor, head and retention period under a key of the chain (stored wrapped
 * by the master key, which the database never holds). The hashes alone can be recomputed by
 * anyone who rewrites entries in the database; a matching seal cannot be made without the master
 * key. Writers check the seal before they extend a chain and record in the chain itself when it
 * did not hold ({@code audit-chain.resealed}), so a rewrite leaves a trace that again cannot be
 * removed without the key.
 */
@Component
class AuditSeals {

  static final String HEAD_COLUMNS = "anchor_seq, anchor_hash, last_seq, last_hash, retention_days, seal_key, seal";
  private static final byte[] VERSION = "madoguchi-audit-seal-v1".getBytes(StandardCharsets.US_ASCII);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** What a chain's seal says about its head and anchor. */
  enum State {
    /** nothing written yet */
    EMPTY,
    /** the seal matches */
    INTACT,
    /** entries but no seal: written before seals existed, or the seal was removed */
    UNSEALED,
    /** the seal does not match, or its key is gone: changed in the database */
    BROKEN
  }

  /** A chain's head row. */
  record Head(long anchorSeq, byte[] anchorHash, long lastSeq, byte[] lastHash, int retentionDays, byte[] sealKey,
      byte[] seal) {

    static Head of(Map<String, Object> row) {
      return new Head((Long) row.get("anchor_seq"), (byte[]) row.get("anchor_hash"), (Long) row.get("last_seq"),
          (byte[]) row.get("last_hash"), (Integer) row.get("retention_days"), (byte[]) row.get("seal_key"),
          (byte[]) row.get("seal"));
    }

    Head withLast(long seq, byte[] hash) {
      return new Head(anchorSeq, anchorHash, seq, hash, retentionDays, sealKey, seal);
    }

    Head withAnchor(long seq, byte[] hash) {
      return new Head(seq, hash, lastSeq, lastHash, retentionDays, sealKey, seal);
    }

    Head withRetentionDays(int days) {
      return new Head(anchorSeq, anchorHash, lastSeq, lastHash, days, sealKey, seal);
    }
  }

  private final MasterKey masterKey;
  private final JdbcTemplate jdbc;

  AuditSeals(MasterKey masterKey, JdbcTemplate jdbc) {
    this.masterKey = masterKey;
    this.jdbc = jdbc;
  }

  State state(String tenantId, Head head) {
    if (head.seal() == null) {
      return head.lastSeq() == 0 && head.anchorSeq() == 0 ? State.EMPTY : State.UNSEALED;
    }
    byte[] key = unwrap(tenantId, head.sealKey());
    return key != null && MessageDigest.isEqual(head.seal(), seal(key, tenantId, head)) ? State.INTACT : State.BROKEN;
  }

  /**
   * The key to seal the chain with: its own, or a new one (stored) when it has none that opens.
   * Call with the chain's row locked.
   */
  byte[] key(String tenantId, Head head) {
    byte[] key = unwrap(tenantId, head.sealKey());
    if (key == null) {
      key = new byte[32];
      RANDOM.nextBytes(key);
      jdbc.update("UPDATE audit_chain SET seal_key = ? WHERE tenant_id = ?", masterKey.wrap(key, owner(tenantId)), tenantId);
    }
    return key;
  }

  byte[] seal(byte[] key, String tenantId, Head head) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update(VERSION);
      byte[] tenant = tenantId.getBytes(StandardCharsets.UTF_8);
      mac.update(ByteBuffer.allocate(4).putInt(tenant.length).array());
      mac.update(tenant);
      mac.update(ByteBuffer.allocate(8).putLong(head.anchorSeq()).array());
      mac.update(head.anchorHash());
      mac.update(ByteBuffer.allocate(8).putLong(head.lastSeq()).array());
      mac.update(head.lastHash());
      return mac.doFinal(ByteBuffer.allocate(4).putInt(head.retentionDays()).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private byte[] unwrap(String tenantId, byte[] wrapped) {
    if (wrapped == null) {
      return null;
    }
    try {
      return masterKey.unwrap(wrapped, owner(tenantId));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static String owner(String tenantId) {
    return "audit-seal:" + tenantId;
  }
}
