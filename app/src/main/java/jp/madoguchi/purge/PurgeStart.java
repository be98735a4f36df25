package jp.madoguchi.purge;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

import jp.madoguchi.export.ExportStore;
import jp.madoguchi.export.ExportStore.DownloadedExport;
import jp.madoguchi.staff.StaffRequestException;
import jp.madoguchi.tenant.Tenant;
import jp.madoguchi.tenant.TenantRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The start of a purge: only of a suspended municipality whose own staff downloaded a complete export
 * with nothing changed since (a purge needs the municipality's part, not an operator's alone). The
 * tenant is stopped, its rows are counted and what the purge relies on is recorded.
 */
@Component
class PurgeStart {

  private static final Logger log = LoggerFactory.getLogger(PurgeStart.class);

  private final TenantRepository tenants;
  private final ExportStore exports;
  private final TenantRows rows;
  private final EnginePurge engine;
  private final PurgeJournal journal;
  private final Clock clock;

  PurgeStart(TenantRepository tenants, ExportStore exports, TenantRows rows, EnginePurge engine, PurgeJournal journal,
      Clock clock) {
    this.tenants = tenants;
    this.exports = exports;
    this.rows = rows;
    this.engine = engine;
    this.journal = journal;
    this.clock = clock;
  }

  void begin(Tenant tenant, String operator) {
    String tenantId = tenant.id();
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
    Set<String> procedureKeys = rows.ownProcedureKeys(tenantId);
    journal.begin(tenantId, operator, started, accounts, procedureKeys, export,
        rows.count(tenantId, accounts, procedureKeys));
  }
}
