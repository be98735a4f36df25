package jp.madoguchi.procedure.guard;

import java.time.Duration;
import java.util.Optional;

import jp.madoguchi.procedure.ProcedureExpressions;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Timers the engine can read and that leave the job executor, shared by every municipality, its time:
 * a cycle repeats at most every 15 minutes, and a written duration or date is one the engine reads. The
 * engine reads a timer only when the token reaches it, so an unreadable one would pass the deployment
 * and then fail every application reaching its step (for a clerk's task's timer, the submission itself).
 */
final class TimerRules {

  private TimerRules() {
  }

  static void check(ParsedDeployment.BpmnFile file, Reasons reasons) {
    for (TimerEventDefinition timer : file.model().getModelElementsByType(TimerEventDefinition.class)) {
      String element = owner(timer);
      if (timer.getTimeCycle() != null) {
        checkCycle(file.name(), element, timer.getTimeCycle().getTextContent().strip(), reasons);
      }
      String duration = written(timer.getTimeDuration());
      if (duration != null && TimerCycles.duration(duration).isEmpty()) {
        reasons.add(file.name(), element, "タイマーの期間「" + Reasons.shown(duration) + "」が読めません。ISO 8601 の期間（例：P14D、PT1H）"
            + "か式で書いてください", "cannot read the timer's duration '" + Reasons.shown(duration) + "'; write an ISO 8601 "
            + "duration (e.g. P14D, PT1H) or an expression");
      }
      String date = written(timer.getTimeDate());
      if (date != null && !DueDates.readable(date)) {
        reasons.add(file.name(), element, "タイマーの日時「" + Reasons.shown(date) + "」が読めません。ISO 8601 の日時（例：2027-04-01T09:00:00+09:00）"
            + "か式（例：${jst.daysLater(5, 17)}）で書いてください", "cannot read the timer's date '" + Reasons.shown(date)
            + "'; write an ISO 8601 date and time (e.g. 2027-04-01T09:00:00+09:00) or an expression (e.g. "
            + "${jst.daysLater(5, 17)})");
      }
    }
  }

  private static void checkCycle(String file, String element, String cycle, Reasons reasons) {
    Optional<Duration> interval = TimerCycles.shortestInterval(cycle);
    if (interval.isEmpty()) {
      reasons.add(file, element, "タイマーの繰り返し「" + cycle + "」の間隔が読み取れません。15 分以上の ISO 8601 の繰り返し"
          + "（例：R/PT1H、R/2026-04-01T09:00/P1D）で書いてください",
          "cannot tell how often timer cycle '" + cycle + "' repeats; write it as an ISO 8601 repeating interval of at "
          + "least PT15M, e.g. R/PT1H or R/2026-04-01T09:00/P1D");
    } else if (interval.get().compareTo(TimerWaits.SHORTEST) < 0) {
      reasons.add(file, element, "タイマーの繰り返し「" + cycle + "」は 15 分より短い間隔で動きます。間隔を 15 分以上にしてください"
          + "（例：R/PT1H）。短い繰り返しは、全自治体で共用するエンジンのジョブ実行を占めます",
          "timer cycle '" + cycle + "' repeats more often than every 15 minutes; repeat at most every 15 minutes, e.g. "
          + "R/PT1H (short cycles keep the engine's job executor, shared by every municipality, busy)");
    }
  }

  /** The text written out, or null for none or an expression, which the engine evaluates when the timer starts. */
  private static String written(ModelElementInstance element) {
    String text = element == null ? null : element.getTextContent().strip();
    return text == null || ProcedureExpressions.hasExpression(text) ? null : text;
  }

  private static String owner(TimerEventDefinition timer) {
    return timer.getParentElement() instanceof BaseElement event && event.getId() != null ? event.getId() : timer.getId();
  }
}
