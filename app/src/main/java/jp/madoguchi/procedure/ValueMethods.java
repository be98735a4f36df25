package jp.madoguchi.procedure;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The methods an expression may call on a text, a list or a map: those that read it or derive a value
 * no larger than what went in. Not {@code repeat}, {@code formatted}, {@code indent} or
 * {@code replace}, which grow a value without bound in the JVM every municipality shares; not the
 * regular expressions ({@code matches}, {@code split}, {@code replaceAll}), which can backtrack for
 * hours on a resident's text; nothing that changes a list or a map ({@code add}, {@code put},
 * {@code clear}): a variable's list, or the groups of the person the engine acts for
 * ({@code currentUserGroups()}). Numbers, truth values and dates are immutable and of bounded size.
 */
public final class ValueMethods {

  private static final Set<String> TEXT = Set.of("length", "isEmpty", "isBlank", "charAt", "codePointAt",
      "codePointBefore", "codePointCount", "offsetByCodePoints", "contains", "contentEquals", "startsWith", "endsWith",
      "equals", "equalsIgnoreCase", "compareTo", "compareToIgnoreCase", "regionMatches", "indexOf", "lastIndexOf",
      "substring", "subSequence", "trim", "strip", "stripLeading", "stripTrailing", "toUpperCase", "toLowerCase",
      "concat", "hashCode", "toString");
  private static final Set<String> COLLECTION = Set.of("size", "isEmpty", "contains", "containsAll", "get", "indexOf",
      "lastIndexOf", "subList", "equals", "hashCode", "toString");
  private static final Set<String> MAP = Set.of("size", "isEmpty", "get", "getOrDefault", "containsKey",
      "containsValue", "keySet", "values", "equals", "hashCode", "toString");

  /**
   * Names of text, list and map methods an expression may not call and no other value (number, date)
   * has, so that the deploy guard can refuse them before anything runs.
   */
  public static final Set<String> REFUSED_NAMES = refusedNames();

  private ValueMethods() {
  }

  /** Whether an expression may call {@code method} on {@code value}, a value it may reach at all. */
  static boolean allows(Object value, String method) {
    if (value instanceof CharSequence) {
      return TEXT.contains(method);
    }
    if (value instanceof Collection<?>) {
      return COLLECTION.contains(method);
    }
    if (value instanceof Map<?, ?>) {
      return MAP.contains(method);
    }
    return true;
  }

  private static Set<String> refusedNames() {
    Set<String> refused = new TreeSet<>();
    refused.addAll(methodsBut(String.class, TEXT));
    refused.addAll(methodsBut(List.class, COLLECTION));
    refused.addAll(methodsBut(Set.class, COLLECTION));
    refused.addAll(methodsBut(Map.class, MAP));
    for (Class<?> other : List.of(Long.class, Integer.class, Double.class, Boolean.class, Character.class, Date.class,
        LocalDate.class, LocalDateTime.class, LocalTime.class, ZonedDateTime.class, OffsetDateTime.class, Instant.class,
        Duration.class, Period.class)) {
      refused.removeAll(methodsBut(other, Set.of()));
    }
    return Set.copyOf(refused);
  }

  private static Set<String> methodsBut(Class<?> type, Set<String> allowed) {
    Set<String> names = new TreeSet<>();
    for (Method method : type.getMethods()) {
      if (!Modifier.isStatic(method.getModifiers()) && method.getDeclaringClass() != Object.class
          && !allowed.contains(method.getName())) {
        names.add(method.getName());
      }
    }
    return names;
  }
}
