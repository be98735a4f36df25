package jp.madoguchi.procedure.guard;

import java.time.Duration;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;

/**
 * The shortest time between two firings of a timer cycle, read as the engine reads it: an ISO 8601
 * repeating interval when it starts with {@code R}, a Spring cron expression otherwise. Empty when it
 * cannot be told (an expression, a start and an end without a duration, cron beyond plain numbers,
 * ranges, lists and steps in the seconds and minutes).
 */
final class TimerCycles {

  private static final Pattern CRON_PART = Pattern.compile("(\\*|(\\d{1,2})(?:-(\\d{1,2}))?)(?:/(\\d{1,2}))?");

  private TimerCycles() {
  }

  static Optional<Duration> shortestInterval(String cycle) {
    String text = cycle.strip();
    return text.startsWith("R") ? repeating(text) : cron(text);
  }

  /** R/PT1H, R5/PT1H/end or R/start/PT1H. */
  private static Optional<Duration> repeating(String text) {
    String[] parts = text.split("/", -1);
    if (parts.length < 2 || parts.length > 3 || !parts[0].matches("R\\d*")) {
      return Optional.empty();
    }
    if (parts[1].startsWith("P")) {
      return duration(parts[1]);
    }
    return parts.length == 3 && parts[2].startsWith("P") ? duration(parts[2]) : Optional.empty();
  }

  /** An ISO 8601 duration such as PT1H, P1D or P1M (read as the shortest month). */
  static Optional<Duration> duration(String text) {
    try {
      if (text.matches("P\\d+W")) {
        return Optional.of(Duration.ofDays(Math.multiplyExact(7L, Long.parseLong(text.substring(1, text.length() - 1)))));
      }
      // February 2026, so that P1M is read as the shortest month
      Calendar reference = new GregorianCalendar(2026, Calendar.FEBRUARY, 1);
      return Optional.of(Duration.ofMillis(DatatypeFactory.newInstance().newDuration(text).getTimeInMillis(reference)));
    } catch (RuntimeException | DatatypeConfigurationException e) {
      return Optional.empty();
    }
  }

  /** Seconds minutes hours day month weekday: hours and days only make the firings rarer. */
  private static Optional<Duration> cron(String text) {
    String[] fields = text.split("\\s+");
    if (fields.length != 6) {
      return Optional.empty();
    }
    Optional<TreeSet<Integer>> seconds = values(fields[0]);
    Optional<TreeSet<Integer>> minutes = values(fields[1]);
    if (seconds.isEmpty() || minutes.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(seconds.get().size() > 1 ? Duration.ofSeconds(shortestGap(seconds.get()))
        : Duration.ofMinutes(shortestGap(minutes.get())));
  }

  /** The values 0–59 a seconds or minutes field names. */
  private static Optional<TreeSet<Integer>> values(String field) {
    TreeSet<Integer> values = new TreeSet<>();
    for (String part : field.split(",", -1)) {
      Matcher matcher = CRON_PART.matcher(part);
      if (!matcher.matches()) {
        return Optional.empty();
      }
      boolean all = matcher.group(2) == null;
      int from = all ? 0 : Integer.parseInt(matcher.group(2));
      int step = matcher.group(4) == null ? 1 : Integer.parseInt(matcher.group(4));
      int to = matcher.group(3) != null ? Integer.parseInt(matcher.group(3)) : all || matcher.group(4) != null ? 59 : from;
      if (from > to || to > 59 || step == 0) {
        return Optional.empty();
      }
      for (int value = from; value <= to; value += step) {
        values.add(value);
      }
    }
    return Optional.of(values);
  }

  /** The shortest distance between two values on a clock of 60, the last one to the first of the next round included. */
  private static int shortestGap(TreeSet<Integer> values) {
    int shortest = 60 - values.last() + values.first();
    Integer previous = null;
    for (int value : values) {
      if (previous != null) {
        shortest = Math.min(shortest, value - previous);
      }
      previous = value;
    }
    return shortest;
  }
}
