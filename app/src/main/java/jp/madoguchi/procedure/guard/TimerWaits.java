package jp.madoguchi.procedure.guard;

import java.time.Duration;
import java.util.Optional;

import jp.madoguchi.procedure.ProcedureExpressions;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * How long a timer event holds a token at least, as far as the guard can read it. A date may lie in the
 * past and an expression may give anything, even no time at all, so neither is a wait the guard can count on.
 */
final class TimerWaits {

  /** The job executor is shared by every municipality: no timer of a procedure makes it run more often than this. */
  static final Duration SHORTEST = Duration.ofMinutes(15);

  private TimerWaits() {
  }

  static boolean waitsLongEnough(TimerEventDefinition timer) {
    return shortestWait(timer).filter(wait -> wait.compareTo(SHORTEST) >= 0).isPresent();
  }

  /** Read in the engine's order: a date first, then a cycle, then a duration. */
  private static Optional<Duration> shortestWait(TimerEventDefinition timer) {
    if (text(timer.getTimeDate()) != null) {
      return Optional.empty();
    }
    String cycle = text(timer.getTimeCycle());
    String duration = text(timer.getTimeDuration());
    String given = cycle != null ? cycle : duration;
    if (given == null || ProcedureExpressions.hasExpression(given)) {
      return Optional.empty();
    }
    return cycle != null ? TimerCycles.shortestInterval(cycle) : TimerCycles.duration(duration);
  }

  private static String text(ModelElementInstance element) {
    String text = element == null ? null : element.getTextContent().strip();
    return text == null || text.isEmpty() ? null : text;
  }
}
