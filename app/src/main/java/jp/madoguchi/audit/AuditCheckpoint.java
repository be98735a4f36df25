package jp.madoguchi.audit;

import java.util.Locale;

/**
 * An entry of a chain noted earlier, outside the database (an export's manifest, the nightly log
 * line of the heads, a purge certificate): its sequence number and hash, 64 lower-case hex digits.
 */
public record AuditCheckpoint(long seq, String hash) {

  static final String MATCH = "match";
  static final String MISMATCH = "mismatch";
  static final String BEYOND_HEAD = "beyond-head";
  static final String REMOVED_BY_RETENTION = "removed-by-retention";

  private static final String USAGE = "seq は 0 以上、hash は16進64文字で、両方を指定してください "
      + "(seq 0 or more and hash 64 lower-case hex digits, both or neither)";

  public AuditCheckpoint {
    if (seq < 0 || hash == null || !hash.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException(USAGE);
    }
  }

  /** From a request's optional parameters: none when both are missing. */
  public static AuditCheckpoint of(Long seq, String hash) {
    if (seq == null && hash == null) {
      return null;
    }
    if (seq == null || hash == null) {
      throw new IllegalArgumentException(USAGE);
    }
    return new AuditCheckpoint(seq, hash.toLowerCase(Locale.ROOT));
  }

  /** @param found the hash of the chain's entry at {@link #seq()}, when the walk met it */
  Result check(long anchorSeq, byte[] anchorHash, long lastSeq, byte[] found) {
    String result;
    if (seq < anchorSeq) {
      result = REMOVED_BY_RETENTION;
    } else if (seq > lastSeq) {
      result = BEYOND_HEAD;
    } else {
      byte[] there = seq == anchorSeq ? anchorHash : found;
      result = there != null && AuditChainVerifier.hex(there).equals(hash) ? MATCH : MISMATCH;
    }
    return new Result(seq, hash, result);
  }

  /**
   * @param result {@code match}; {@code mismatch} (the entry there now is another); {@code beyond-head}
   *     (the chain is shorter now); {@code removed-by-retention} (older than the anchor: not checkable)
   */
  public record Result(long seq, String hash, String result) {

    boolean holds() {
      return MATCH.equals(result) || REMOVED_BY_RETENTION.equals(result);
    }
  }
}
