package jp.madoguchi.retention;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.madoguchi.audit.OperationEvent;
import jp.madoguchi.procedure.ProcedureLabels;
import jp.madoguchi.staff.StaffRequestException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * A legal hold (訴訟・監査などで文書を残すとき): the municipality's administrator keeps a completed
 * application beyond its procedure's 文書保存年限, or gives a hold up again, by moving the removal time
 * the engine wrote on its history. Never earlier than the procedure's own: what the law requires to be
 * kept stays kept. The engine does the change as a batch; the app's rows of the application follow the
 * engine's (retention sweep).
 */
@Component
public class LegalHolds {

  private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
  private static final int LONGEST_HOLD_YEARS = 100;

  private final HistoryService history;
  private final ProcedureLabels labels;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  LegalHolds(HistoryService history, ProcedureLabels labels, ApplicationEventPublisher events, Clock clock) {
    this.history = history;
    this.labels = labels;
    this.events = events;
    this.clock = clock;
  }

  /** What is kept how long: {@code removalTime} is when the engine may delete the application. */
  public record Retention(String application, Instant completedAt, Instant procedureRemovalTime, Instant removalTime) {

    public Map<String, Object> json() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("application", application);
      json.put("completedAt", jst(completedAt));
      json.put("procedureRemovalTime", jst(procedureRemovalTime));
      json.put("removalTime", jst(removalTime));
      return json;
    }

    private static Object jst(Instant instant) {
      return instant == null ? null : instant.atZone(JAPAN).toOffsetDateTime();
    }
  }

  public Retention retention(String tenantId, String number) {
    HistoricProcessInstance instance = application(tenantId, number);
    return new Retention(number, instant(instance.getEndTime()), procedureRemovalTime(instance),
        instant(instance.getRemovalTime()));
  }

  /** Keeps the application through {@code keepUntil} (a day in Japan), answering the retention it will have. */
  public Retention keepUntil(String tenantId, String number, String keepUntil, String actor) {
    HistoricProcessInstance instance = application(tenantId, number);
    if (instance.getEndTime() == null) {
      throw new StaffRequestException(409, "進行中の申請は消去されません。保存期限は申請の完了後に変えられます "
          + "(an open application is never removed: its retention can be changed once it is completed)");
    }
    LocalDate lastDay = day(keepUntil);
    Instant removal = lastDay.plusDays(1).atStartOfDay(JAPAN).toInstant();
    Instant procedures = procedureRemovalTime(instance);
    if (removal.isBefore(procedures)) {
      LocalDate procedureLastDay = procedures.minusNanos(1).atZone(JAPAN).toLocalDate();
      throw new StaffRequestException(400, "手続の文書保存年限（" + procedureLastDay + " まで）より短くはできません "
          + "(an application cannot be kept for less than its procedure's retention: until " + procedureLastDay + ")");
    }
    if (lastDay.isAfter(LocalDate.now(clock.withZone(JAPAN)).plusYears(LONGEST_HOLD_YEARS))) {
      throw new StaffRequestException(400, "保存期限は " + LONGEST_HOLD_YEARS + " 年後までの日付にしてください "
          + "(keep an application at most " + LONGEST_HOLD_YEARS + " years from today)");
    }
    Instant before = instant(instance.getRemovalTime());
    Batch batch = history.setRemovalTimeToHistoricProcessInstances().absoluteRemovalTime(Date.from(removal))
        .byIds(instance.getId()).hierarchical().executeAsync();
    events.publishEvent(new OperationEvent(tenantId, actor, "retention.changed", number, Map.of(
        "removalTimeBefore", String.valueOf(before), "removalTime", removal.toString(), "batch", batch.getId())));
    return new Retention(number, instant(instance.getEndTime()), procedures, removal);
  }

  private HistoricProcessInstance application(String tenantId, String number) {
    List<HistoricProcessInstance> found = number == null || number.length() > 32 ? List.of()
        : history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number).tenantIdIn(tenantId)
            .rootProcessInstances().list();
    if (found.size() != 1) {
      throw new StaffRequestException(404, "この番号の申請はありません (no application with this number)");
    }
    return found.get(0);
  }

  /** The removal time the procedure gives: its 文書保存年限 in calendar years after completion, in Japan. */
  private Instant procedureRemovalTime(HistoricProcessInstance instance) {
    if (instance.getEndTime() == null) {
      return null;
    }
    int years = labels.retentionYears(instance.getProcessDefinitionId());
    return instance.getEndTime().toInstant().atZone(JAPAN).plusYears(years).toInstant();
  }

  private static LocalDate day(String keepUntil) {
    try {
      return LocalDate.parse(keepUntil == null ? "" : keepUntil.trim());
    } catch (DateTimeParseException e) {
      throw new StaffRequestException(400, "keepUntil には保存する最後の日を 2040-03-31 の形で書いてください "
          + "(keepUntil: the last day to keep the application, as 2040-03-31)");
    }
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
