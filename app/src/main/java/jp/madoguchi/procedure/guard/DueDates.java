package jp.madoguchi.procedure.guard;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Written dates the engine reads when a step starts, not when it is deployed: a task's due date, a
 * timer's date. The engine takes an ISO 8601 duration from now (P10D) or a date and time.
 */
final class DueDates {

  private DueDates() {
  }

  static boolean readable(String text) {
    if (text.startsWith("P")) {
      return TimerCycles.duration(text).isPresent();
    }
    for (Consumer<String> parser : List.<Consumer<String>>of(OffsetDateTime::parse, LocalDateTime::parse, LocalDate::parse)) {
      try {
        parser.accept(text);
        return true;
      } catch (DateTimeParseException e) {
        // the next form
      }
    }
    return false;
  }
}
