package jp.madoguchi.purge;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.audit.AuditPurge;
import jp.madoguchi.audit.OperationEvent;
import jp.madoguchi.export.ExportStore.DownloadedExport;
import jp.madoguchi.staff.StaffRequestException;
import jp.madoguchi.tenant.Tenant;
import jp.madoguchi.tenant.TenantRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * A municipality's purge at contract end ({@link PurgeStart} says when it may begin, {@link PurgeSteps}
 * what it deletes). Its rows are counted before and after; the certificate (counts per table, times,
 * operator, the export it relied on, the head of the removed log's hash chain) goes into the
 * deployment's own operation log and back to the operator. A purge that a failure stopped partway is
 * finished by asking again: it resumes from what {@link PurgeJournal} recorded.
 */
@Component
class TenantPurge {

  private static final Logger log = LoggerFactory.getLogger(TenantPurge.class);
  private static final ZoneId JST = ZoneId.of("Asia/Tokyo");

  private final TenantRepository tenants;
  private final PurgeJournal journal;
  private final PurgeLock lock;
  private final PurgeStart start;
  private final PurgeSteps steps;
  private final TenantRows rows;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final ObjectMapper json;

  TenantPurge(TenantRepository tenants, PurgeJournal journal, PurgeLock lock, PurgeStart start, PurgeSteps steps,
      TenantRows rows, ApplicationEventPublisher events, Clock clock, ObjectMapper json) {
    this.tenants = tenants;
    this.journal = journal;
    this.lock = lock;
    this.start = start;
    this.steps = steps;
    this.rows = rows;
    this.events = events;
    this.clock = clock;
    this.json = json;
  }

  Map<String, Object> purge(String tenantId, String confirmation, String operator) {
    Optional<Tenant> tenant = tenants.findById(tenantId);
    if (tenant.isEmpty() && journal.of(tenantId).filter(progress -> !progress.finished()).isEmpty()) {
      throw noSuchMunicipality();
    }
    if (!tenantId.equals(confirmation)) {
      throw new StaffRequestException(400, "確認のため confirm に自治体のID「" + tenantId + "」を入れてください "
          + "(confirm must equal the tenant id)");
    }
    try (PurgeLock.Held held = lock.acquire(tenantId)) {
      Optional<PurgeProgress> unfinished = journal.of(tenantId).filter(progress -> !progress.finished());
      if (unfinished.isPresent()) {
        log.info("Purge of tenant {} resumed by {}", tenantId, operator);
        journal.resumed(tenantId);
      } else {
        start.begin(tenants.findById(tenantId).orElseThrow(TenantPurge::noSuchMunicipality), operator);
      }
      return finish(journal.of(tenantId).orElseThrow());
    }
  }

  private Map<String, Object> finish(PurgeProgress progress) {
    String tenantId = progress.tenant();
    try {
      PurgeSteps.Done done = steps.run(progress);
      Map<String, Long> after = rows.count(tenantId, progress.accounts(), progress.procedureKeys());
      Instant finished = clock.instant();
      Map<String, Object> certificate = certificate(progress, done, finished, after);
      events.publishEvent(new OperationEvent(null, progress.operator(), "tenant.purged", tenantId,
          Map.of("certificate", text(certificate))));
      journal.finished(tenantId, finished, text(certificate));
      log.info("Purge of tenant {} finished: {} rows left", tenantId, certificate.get("rowsLeft"));
      return certificate;
    } catch (RuntimeException e) {
      log.error("Purge of tenant {} stopped partway; asking again resumes it", tenantId, e);
      throw new StaffRequestException(500, "削除が途中で止まりました。データの鍵の破棄など済んだ手順はそのままです。"
          + "同じ要求をもう一度送ると、続きから再開します (the purge stopped partway: send the same request again to resume it)");
    }
  }

  private Map<String, Object> certificate(PurgeProgress progress, PurgeSteps.Done done, Instant finished,
      Map<String, Long> after) {
    Map<String, Object> tables = new LinkedHashMap<>();
    Map<String, Long> before = progress.rowsBefore();
    before.forEach((table, count) -> tables.put(table, Map.of("before", count, "after", after.getOrDefault(table, 0L))));
    DownloadedExport export = progress.export();
    Map<String, Object> certificate = new LinkedHashMap<>();
    certificate.put("tenant", progress.tenant());
    certificate.put("operator", progress.operator());
    certificate.put("startedAt", jst(progress.startedAt()));
    certificate.put("dataKeyDestroyedAt", jst(done.keyDestroyedAt()));
    certificate.put("finishedAt", jst(finished));
    certificate.put("attempts", progress.attempts());
    certificate.put("export", Map.of("id", export.id().toString(), "requestedAt", jst(export.requestedAt()),
        "downloadedAt", jst(export.downloadedAt()),
        "downloadedBy", export.downloadedBy(), "manifestSha256", export.manifestSha256()));
    certificate.put("accountsDeleted", progress.accounts().size());
    AuditPurge.RemovedLog removedLog = done.removedLog();
    certificate.put("auditLog", Map.of("entriesRemoved", removedLog.entries(), "lastSeq", removedLog.lastSeq(),
        "lastHash", removedLog.lastHash()));
    certificate.put("tables", tables);
    certificate.put("rowsBefore", before.values().stream().mapToLong(Long::longValue).sum());
    certificate.put("rowsLeft", after.values().stream().mapToLong(Long::longValue).sum());
    return certificate;
  }

  private static StaffRequestException noSuchMunicipality() {
    return new StaffRequestException(404, "この自治体はありません (no such municipality)");
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
