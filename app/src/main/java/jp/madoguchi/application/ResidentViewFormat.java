package jp.madoguchi.application;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jp.madoguchi.procedure.ProcedureCatalog;
import jp.madoguchi.procedure.ProcedureCatalog.Procedure;
import org.springframework.stereotype.Component;

/**
 * How the resident's pages show an application: times in JST, the procedure's name (its key when the
 * procedure is gone), the status timeline from the engine history, 受付中 before the first status.
 */
@Component
class ResidentViewFormat {

  static final String BEFORE_FIRST_STATUS = "受付中";
  private static final ZoneOffset JST = ZoneOffset.ofHours(9);

  private final ProcedureCatalog procedures;
  private final ResidentStatusService statuses;

  ResidentViewFormat(ProcedureCatalog procedures, ResidentStatusService statuses) {
    this.procedures = procedures;
    this.statuses = statuses;
  }

  static OffsetDateTime jst(Instant instant) {
    return instant.atOffset(JST);
  }

  String procedureName(ApplicationRecord application) {
    return procedures.find(application.tenantId(), application.procedureKey()).map(Procedure::name)
        .orElse(application.procedureKey());
  }

  List<ResidentApplications.TimelineEntry> timeline(ApplicationRecord application) {
    return statuses.timeline(application.tenantId(), application.processInstanceId()).stream()
        .map(status -> new ResidentApplications.TimelineEntry(status.status(), jst(status.since()))).toList();
  }

  String currentStatus(ApplicationRecord application) {
    return statuses.current(application.tenantId(), application.processInstanceId()).map(ResidentStatus::status)
        .orElse(BEFORE_FIRST_STATUS);
  }
}
