package jp.madoguchi.export;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The table {@code tenant_export}: every query names the tenant, so one tenant's export id is unknown to another. */
@Repository
public class ExportStore {

  private static final ZoneId JST = ZoneId.of("Asia/Tokyo");
  private static final String INTERRUPTED = "書き出しが途中で止まりました（再起動など）。もう一度書き出してください "
      + "(interrupted: the export stopped making progress, restart or crash)";
  private static final String COLUMNS = "id, tenant_id, requested_by, include_sensitive, status, phase, items_done, "
      + "items_total, failure, created_at, finished_at, expires_at, size_bytes, manifest_sha256, downloaded_at, "
      + "downloaded_by, download_count";

  private final JdbcTemplate jdbc;

  ExportStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(UUID id, String tenantId, String requestedBy, boolean includeSensitive, Instant now) {
    jdbc.update("""
        INSERT INTO tenant_export (id, tenant_id, requested_by, include_sensitive, status, phase, created_at, updated_at)
        VALUES (?, ?, ?, ?, 'RUNNING', 'queued', ?, ?)""",
        id, tenantId, requestedBy, includeSensitive, Timestamp.from(now), Timestamp.from(now));
  }

  Optional<Export> find(String tenantId, UUID id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM tenant_export WHERE tenant_id = ? AND id = ?", ExportStore::map,
        tenantId, id).stream().findFirst();
  }

  List<Export> ofTenant(String tenantId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM tenant_export WHERE tenant_id = ? ORDER BY created_at DESC",
        ExportStore::map, tenantId);
  }

  void progress(UUID id, String phase, long done, long total, Instant now) {
    jdbc.update("UPDATE tenant_export SET phase = ?, items_done = ?, items_total = ?, updated_at = ? "
        + "WHERE id = ? AND status = 'RUNNING'", phase, done, total, Timestamp.from(now), id);
  }

  void touch(UUID id, Instant now) {
    jdbc.update("UPDATE tenant_export SET updated_at = ? WHERE id = ? AND status = 'RUNNING'", Timestamp.from(now), id);
  }

  void ready(UUID id, long size, String manifestSha256, Instant now, Instant expires) {
    jdbc.update("""
        UPDATE tenant_export SET status = 'READY', phase = 'ready', size_bytes = ?, manifest_sha256 = ?,
          finished_at = ?, updated_at = ?, expires_at = ? WHERE id = ? AND status = 'RUNNING'""",
        size, manifestSha256, Timestamp.from(now), Timestamp.from(now), Timestamp.from(expires), id);
  }

  void failed(UUID id, String failure, Instant now) {
    jdbc.update("UPDATE tenant_export SET status = 'FAILED', failure = ?, finished_at = ?, updated_at = ? "
        + "WHERE id = ? AND status = 'RUNNING'", failure, Timestamp.from(now), Timestamp.from(now), id);
  }

  /** Running exports whose progress stopped (their node went away): failed, with the reason. */
  List<UUID> failStale(Instant movedBefore, Instant now) {
    return jdbc.queryForList("""
        UPDATE tenant_export SET status = 'FAILED', failure = ?,
          finished_at = ?, updated_at = ? WHERE status = 'RUNNING' AND updated_at < ? RETURNING id""",
        UUID.class, INTERRUPTED, Timestamp.from(now), Timestamp.from(now), Timestamp.from(movedBefore));
  }

  List<UUID> expire(Instant now) {
    return jdbc.queryForList("UPDATE tenant_export SET status = 'EXPIRED', updated_at = ? "
        + "WHERE status = 'READY' AND expires_at < ? RETURNING id", UUID.class, Timestamp.from(now), Timestamp.from(now));
  }

  void downloaded(UUID id, String account, Instant now) {
    jdbc.update("""
        UPDATE tenant_export SET download_count = download_count + 1,
          downloaded_at = COALESCE(downloaded_at, ?), downloaded_by = COALESCE(downloaded_by, ?) WHERE id = ?""",
        Timestamp.from(now), account, id);
  }

  /** The latest export of the tenant that was downloaded whole, if any. */
  /**
   * The latest export with every field (sensitive ones included) that one of these accounts (the
   * municipality's own staff) downloaded: what a purge may rely on.
   */
  public Optional<DownloadedExport> lastCompleteDownloadBy(String tenantId, Collection<String> accounts) {
    return jdbc.query("""
        SELECT id, created_at, downloaded_at, downloaded_by, manifest_sha256 FROM tenant_export
        WHERE tenant_id = ? AND downloaded_at IS NOT NULL AND include_sensitive AND downloaded_by = ANY (?)
        ORDER BY downloaded_at DESC LIMIT 1""",
        (rs, row) -> new DownloadedExport(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(),
            rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getString(5)),
        tenantId, accounts.toArray(String[]::new)).stream().findFirst();
  }

  /** An export that was downloaded: what a purge certificate names. */
  public record DownloadedExport(UUID id, Instant requestedAt, Instant downloadedAt, String downloadedBy,
      String manifestSha256) {
  }

  private static Export map(ResultSet rs, int row) throws SQLException {
    return new Export(rs.getObject("id", UUID.class), rs.getString("tenant_id"), rs.getString("requested_by"),
        rs.getBoolean("include_sensitive"), rs.getString("status"), rs.getString("phase"), rs.getLong("items_done"),
        rs.getLong("items_total"), rs.getString("failure"), instant(rs, "created_at"), instant(rs, "finished_at"),
        instant(rs, "expires_at"), (Long) rs.getObject("size_bytes"), rs.getString("manifest_sha256"),
        instant(rs, "downloaded_at"), rs.getString("downloaded_by"), rs.getInt("download_count"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }

  static ZoneId jst() {
    return JST;
  }

  /** A time the engine or the database gave, as the export writes it: in JST with its offset; null stays null. */
  static OffsetDateTime inJst(Date time) {
    return time == null ? null : time.toInstant().atZone(JST).toOffsetDateTime();
  }
}
