package jp.madoguchi.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The hash chain: {@code hash = SHA-256(previous hash || canonical entry)}. The canonical form is
 * every stored field in a fixed order, each as its UTF-8 length and bytes (-1 for null), so no
 * two different entries share it. The first entry of a chain follows 32 zero bytes.
 */
final class AuditHashes {

  static final byte[] GENESIS = new byte[32];
  static final String VERSION = "madoguchi-audit-v1";

  private AuditHashes() {
  }

  static byte[] hash(byte[] previous, String tenantId, long seq, Instant occurredAt, String category, String kind,
      String actor, String sourceAddress, String method, String route, Integer status, Integer durationMs,
      String applicationNumber, boolean personalDataRead, String target, String details) {
    var canonical = new ByteArrayOutputStream(256);
    for (Object field : new Object[] {VERSION, tenantId, seq, micros(occurredAt), category, kind, actor,
        sourceAddress, method, route, status, durationMs, applicationNumber, personalDataRead, target, details}) {
      write(canonical, field == null ? null : field.toString());
    }
    MessageDigest sha256 = sha256();
    sha256.update(previous);
    return sha256.digest(canonical.toByteArray());
  }

  static byte[] hash(byte[] previous, long seq, AuditEntry entry) {
    return hash(previous, entry.tenantId(), seq, entry.occurredAt(), entry.category().name(), entry.kind(),
        entry.actor(), entry.sourceAddress(), entry.method(), entry.route(), entry.status(), entry.durationMs(),
        entry.applicationNumber(), entry.personalDataRead(), entry.target(), entry.details());
  }

  static long micros(Instant instant) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
  }

  private static void write(ByteArrayOutputStream out, String value) {
    if (value == null) {
      out.writeBytes("-1:".getBytes(StandardCharsets.US_ASCII));
      return;
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(bytes);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
