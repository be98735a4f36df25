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
 * The methods an expression may call on a value: those that read it or derive a value no larger than
 * what went in. Not {@code repeat}, {@code formatted}, {@code indent} or {@code replace} of a text,
 * which grow a value without bound in the JVM every municipality shares; not the regular expressions
 * ({@code matches}, {@code split}, {@code replaceAll}), which can backtrack for hours on a resident's
 * text; nothing that changes a list, a map or a date ({@code add}, {@code put}, {@code clear},
 * {@code setTime}): a variable's value, or the groups of the person the engine acts for
 * ({@code currentUserGroups()}). Numbers, truth values and {@code java.time} values are immutable and
 * of bounded size.
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
  private static final List<Class<?>> VALUE_TYPES = List.of(String.class, List.class, Set.class, Map.class,
      Date.class, Long.class, Integer.class, Double.class, Boolean.class, Character.class, LocalDate.class,
      LocalDateTime.class, LocalTime.class, ZonedDateTime.class, OffsetDateTime.class, Instant.class, Duration.class,
      Period.class);

  /**
   * Names of methods an expression may call on no value, so that the deploy guard can refuse them
   * before anything runs (the resolver decides by the value's type when it runs).
   */
  public static final Set<String> REFUSED_NAMES = refusedNames();

  private ValueMethods() {
  }

  /** Whether an expression may call {@code method} on {@code value}, a value it may reach at all. */
  static boolean allows(Object value, String method) {
    return allows(value.getClass(), method);
  }

  private static boolean allows(Class<?> type, String method) {
    if (CharSequence.class.isAssignableFrom(type)) {
      return TEXT.contains(method);
    }
    if (Collection.class.isAssignableFrom(type)) {
      return COLLECTION.contains(method);
    }
    if (Map.class.isAssignableFrom(type)) {
      return MAP.contains(method);
    }
    if (Date.class.isAssignableFrom(type)) {
      return !method.startsWith("set");
    }
    return true;
  }

  private static Set<String> refusedNames() {
    Set<String> refused = new TreeSet<>();
    Set<String> allowedSomewhere = new TreeSet<>();
    for (Class<?> type : VALUE_TYPES) {
      for (Method method : type.getMethods()) {
        if (!Modifier.isStatic(method.getModifiers()) && method.getDeclaringClass() != Object.class) {
          (allows(type, method.getName()) ? allowedSomewhere : refused).add(method.getName());
        }
      }
    }
    refused.removeAll(allowedSomewhere);
    return Set.copyOf(refused);
  }
}
