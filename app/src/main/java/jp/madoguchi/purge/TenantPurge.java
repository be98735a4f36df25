package jp.madoguchi.purge;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.audit.AuditPurge;
import jp.madoguchi.audit.OperationEvent;
import jp.madoguchi.export.ExportJobs;
import jp.madoguchi.export.ExportStore;
import jp.madoguchi.export.ExportStore.DownloadedExport;
import jp.madoguchi.staff.StaffRequestException;
import jp.madoguchi.tenant.Tenant;
import jp.madoguchi.tenant.TenantKeys;
import jp.madoguchi.tenant.TenantRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * A municipality's purge at contract end, once it is suspended and its own staff downloaded a
 * complete export with nothing filed or decided since (a purge needs the municipality's part, not
 * an operator's alone): the tenant is stopped,
 * its rows are counted, its data key is destroyed (from then on nothing sealed of it opens, backups
 * included), then the engine's data, the export files, Madoguchi's rows and last the tenant's log
 * are deleted and the rows counted again. The certificate (counts before and after per table,
 * times, operator, the export it relied on, the head of the removed log's hash chain) goes into the
 * deployment's own operation log and back to the operator.
 */
@Component
class TenantPurge {

  private static final Logger log = LoggerFactory.getLogger(TenantPurge.class);
  private static final ZoneId JST = ZoneId.of("Asia/Tokyo");

  private final TenantRepository tenants;
  private final TenantKeys keys;
  private final ExportStore exports;
  private final ExportJobs exportFiles;
  private final TenantRows rows;
  private final EnginePurge engine;
  private final AppPurge app;
  private final AuditPurge audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final ObjectMapper json;

  TenantPurge(TenantRepository tenants, TenantKeys keys, ExportStore exports, ExportJobs exportFiles, TenantRows rows,
      EnginePurge engine, AppPurge app, AuditPurge audit, ApplicationEventPublisher events, Clock clock,
      ObjectMapper json) {
    this.tenants = tenants;
    this.keys = keys;
    this.exports = exports;
    this.exportFiles = exportFiles;
    this.rows = rows;
    this.engine = engine;
    this.app = app;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
    this.json = json;
  }

  synchronized Map<String, Object> purge(String tenantId, String confirmation, String operator) {
    Tenant tenant = tenants.findById(tenantId).orElseThrow(() ->
        new StaffRequestException(404, "この自治体はありません (no such municipality)"));
    if (!tenantId.equals(confirmation)) {
      throw new StaffRequestException(400, "確認のため confirm に自治体のID「" + tenantId + "」を入れてください "
          + "(confirm must equal the tenant id)");
    }
    if (tenant.status() == Tenant.TenantStatus.ACTIVE) {
      throw new StaffRequestException(409, "利用中の自治体は削除できません。先に自治体を停止（SUSPENDED）してください "
          + "(an active municipality cannot be purged: suspend it first)");
    }
    Set<String> accounts = engine.accounts(tenantId);
    DownloadedExport export = exports.lastCompleteDownloadBy(tenantId, accounts).orElseThrow(() ->
        new StaffRequestException(409, "自治体の管理者が、要配慮個人情報を含むエクスポート（includeSensitive: true）を"
            + "まだダウンロードしていません (no export with every field was downloaded by the municipality's own staff)"));
    if (rows.changedSince(tenantId, export.requestedAt()) || engine.changedSince(tenantId, export.requestedAt())) {
      throw new StaffRequestException(409, "エクスポートの後に申請や処理、訂正、添付、支払いなどの変更がありました。"
          + "自治体の管理者がもう一度エクスポートしてダウンロードしてください "
          + "(applications changed after the export was requested: export again)");
    }
    Instant started = clock.instant();
    log.info("Purge of tenant {} started by {}", tenantId, operator);
    tenants.updateStatus(tenantId, Tenant.TenantStatus.TERMINATED);
    Map<String, Long> before = rows.count(tenantId, accounts);
    keys.destroyDataKey(tenantId);
    Instant keyDestroyed = clock.instant();
    engine.purge(tenantId, accounts);
    exportFiles.deleteFilesOf(tenantId);
    app.purge(tenantId, accounts);
    AuditPurge.RemovedLog removedLog = audit.removeLogOf(tenantId);
    Map<String, Long> after = rows.count(tenantId, accounts);
    Map<String, Object> certificate = certificate(tenantId, operator, export, accounts, started, keyDestroyed, before,
        after, removedLog);
    events.publishEvent(new OperationEvent(null, operator, "tenant.purged", tenantId,
        Map.of("certificate", text(certificate))));
    log.info("Purge of tenant {} finished: {} rows left", tenantId, certificate.get("rowsLeft"));
    return certificate;
  }

  private Map<String, Object> certificate(String tenantId, String operator, DownloadedExport export,
      Set<String> accounts, Instant started, Instant keyDestroyed, Map<String, Long> before, Map<String, Long> after,
      AuditPurge.RemovedLog removedLog) {
    Map<String, Object> tables = new LinkedHashMap<>();
    before.forEach((table, count) -> tables.put(table, Map.of("before", count, "after", after.getOrDefault(table, 0L))));
    Map<String, Object> certificate = new LinkedHashMap<>();
    certificate.put("tenant", tenantId);
    certificate.put("operator", operator);
    certificate.put("startedAt", jst(started));
    certificate.put("dataKeyDestroyedAt", jst(keyDestroyed));
    certificate.put("finishedAt", jst(clock.instant()));
    certificate.put("export", Map.of("id", export.id().toString(), "requestedAt", jst(export.requestedAt()),
        "downloadedAt", jst(export.downloadedAt()),
        "downloadedBy", export.downloadedBy(), "manifestSha256", export.manifestSha256()));
    certificate.put("accountsDeleted", accounts.size());
    certificate.put("auditLog", Map.of("entriesRemoved", removedLog.entries(), "lastSeq", removedLog.lastSeq(),
        "lastHash", removedLog.lastHash()));
    certificate.put("tables", tables);
    certificate.put("rowsBefore", before.values().stream().mapToLong(Long::longValue).sum());
    certificate.put("rowsLeft", after.values().stream().mapToLong(Long::longValue).sum());
    return certificate;
  }

  private static String jst(Instant instant) {
    return instant.atZone(JST).toOffsetDateTime().toString();
  }

  private String text(Map<String, Object> certificate) {
    try {
      return json.writeValueAsString(certificate);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
