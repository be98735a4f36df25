package jp.madoguchi.retention;

import java.time.ZoneId;
import java.util.Date;
import java.util.OptionalInt;

import org.camunda.bpm.engine.impl.history.DefaultHistoryRemovalTimeProvider;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * When the engine may remove an application's history: its procedure's {@code retentionYears}
 * calendar years after the application was completed (the process ended), in Japan's calendar. The
 * engine writes this removal time on every history row of the instance when it ends, and its
 * history cleanup deletes the rows once it has passed. Procedures without {@code retentionYears}
 * keep Camunda's rule (end + history time to live days).
 */
final class RetentionRemovalTime extends DefaultHistoryRemovalTimeProvider {

  private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

  private final RetentionPolicy policy;

  RetentionRemovalTime(RetentionPolicy policy) {
    this.policy = policy;
  }

  @Override
  public Date calculateRemovalTime(HistoricProcessInstanceEventEntity instance, ProcessDefinition definition) {
    OptionalInt years = policy.retentionYears(definition.getId());
    if (years.isEmpty() || instance.getEndTime() == null) {
      return super.calculateRemovalTime(instance, definition);
    }
    return Date.from(instance.getEndTime().toInstant().atZone(JAPAN).plusYears(years.getAsInt()).toInstant());
  }
}
