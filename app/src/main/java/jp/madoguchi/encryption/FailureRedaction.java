package jp.madoguchi.encryption;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * A failed job's exception often quotes the data it failed on ("Cannot coerce '山田 花子' …"). Its
 * message and stack trace go to {@code ACT_RU_JOB}, {@code ACT_RU_INCIDENT}, {@code ACT_HI_JOB_LOG},
 * byte arrays and the log, all in clear; so before they are stored, every value of the process
 * instance's variables (texts of three or more characters, numbers of three or more digits, the
 * leaves of JSON values, also JSON-escaped; a value of letters and digits only where it stands as a
 * word) is replaced by {@value #MASK} in every message of the exception chain. Stack frames are code
 * locations and stay. Refusals of bad input, missing rights and concurrent changes (the engine's
 * {@code BadUserRequestException}, {@code AuthorizationException}, {@code OptimisticLockingException},
 * and the app's own refusals built on them) have messages written not to quote values; they are kept
 * as they are, so callers still recognise them.
 */
final class FailureRedaction {

  static final String MASK = "***";
  private static final Pattern WORD = Pattern.compile("[\\p{Alnum}_]+");
  private static final int MAX_REMEMBERED = 64;

  private final ObjectMapper json;
  /** The masked copy of the last failures, for the job executor's log line that follows. */
  private final Map<Throwable, Throwable> remembered = Collections.synchronizedMap(new IdentityHashMap<>());

  FailureRedaction(ObjectMapper json) {
    this.json = json;
  }

  /**
   * A command failed: its exception is masked with the values of the variables it had loaded or
   * set (the ones it can have quoted), and the masked copy kept for the log line and the job's record.
   */
  void commandFailed(CommandContext command, Throwable failure) {
    if (failure == null || remembered.containsKey(failure)) {
      return;
    }
    Set<String> values = new LinkedHashSet<>();
    for (VariableInstanceEntity variable : command.getDbEntityManager()
        .getCachedEntitiesByType(VariableInstanceEntity.class)) {
      collectReadable(variable, values);
    }
    remember(failure, mask(failure, sorted(values), Collections.newSetFromMap(new IdentityHashMap<>())));
  }

  /** The masked copy of a failure seen before, or the failure itself. */
  Throwable masked(Throwable failure) {
    Throwable masked = remembered.get(failure);
    return masked == null ? failure : masked;
  }

  /** A failed job's exception before it is stored: masked again with every value of its process instance. */
  Throwable redact(String processInstanceId, Throwable failure) {
    Throwable known = masked(failure);
    if (known == null || processInstanceId == null) {
      return known;
    }
    Set<String> values = new LinkedHashSet<>();
    for (VariableInstanceEntity variable : Context.getCommandContext().getVariableInstanceManager()
        .findVariableInstancesByProcessInstanceId(processInstanceId)) {
      collectReadable(variable, values);
    }
    Throwable masked = mask(known, sorted(values), Collections.newSetFromMap(new IdentityHashMap<>()));
    remember(failure, masked);
    return masked;
  }

  private void remember(Throwable failure, Throwable masked) {
    if (remembered.size() >= MAX_REMEMBERED) {
      remembered.clear();
    }
    remembered.put(failure, masked);
  }

  private void collectReadable(VariableInstanceEntity variable, Set<String> values) {
    try {
      collect(variable.getTypedValue(false), values);
    } catch (RuntimeException unreadable) {
      // a value that cannot be read cannot have been quoted either
    }
  }

  private static List<String> sorted(Set<String> values) {
    List<String> sorted = new ArrayList<>(values);
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    return sorted;
  }

  private void collect(TypedValue value, Set<String> values) {
    if (value == null || value.getValue() == null && !(value instanceof SerializableValue)) {
      return;
    }
    if (value instanceof SerializableValue serializable) {
      String text = serializable.getValueSerialized();
      if (text != null) {
        try {
          collect(json.readTree(text), values);
        } catch (Exception notJson) {
          add(text, values);
        }
      }
      return;
    }
    Object plain = value.getValue();
    if (plain instanceof Number number) {
      addNumber(number.toString(), values);
    } else if (plain instanceof String text) {
      add(text, values);
    }
  }

  private static void collect(JsonNode node, Set<String> values) {
    if (node.isContainerNode()) {
      node.forEach(child -> collect(child, values));
    } else if (node.isTextual()) {
      add(node.asText(), values);
    } else if (node.isNumber()) {
      addNumber(node.asText(), values);
    }
  }

  private static void add(String text, Set<String> values) {
    if (text.strip().codePointCount(0, text.strip().length()) >= 3) {
      values.add(text);
      values.add(escaped(text, "\\u%04x"));
      values.add(escaped(text, "\\u%04X"));
    }
  }

  private static void addNumber(String digits, Set<String> values) {
    if (digits.length() >= 3) {
      values.add(digits);
    }
  }

  /** As JSON writers escape it: non-ASCII characters as {@code \\uXXXX}. */
  private static String escaped(String text, String format) {
    StringBuilder out = new StringBuilder();
    text.chars().forEach(c -> out.append(c < 0x80 ? String.valueOf((char) c) : String.format(format, c)));
    return out.toString();
  }

  private static Throwable mask(Throwable failure, List<String> values, Set<Throwable> seen) {
    if (failure == null || !seen.add(failure)) {
      return null;
    }
    if (failure instanceof BadUserRequestException || failure instanceof AuthorizationException
        || failure instanceof OptimisticLockingException) {
      return failure;
    }
    Throwable cause = mask(failure.getCause(), values, seen);
    String message = failure.getMessage();
    String masked = message == null ? null : maskText(message, values);
    if (cause == failure.getCause() && (message == null || masked.equals(message))) {
      return failure;
    }
    return new MaskedException(failure.getClass().getName(), masked, cause, failure.getStackTrace());
  }

  private static String maskText(String text, List<String> values) {
    String masked = text;
    for (String value : values) {
      if (!masked.contains(value)) {
        continue;
      }
      masked = WORD.matcher(value).matches()
          ? masked.replaceAll("(?<![\\p{Alnum}_])" + Pattern.quote(value) + "(?![\\p{Alnum}_])", Matcher.quoteReplacement(MASK))
          : masked.replace(value, MASK);
    }
    return masked;
  }

  /** A failure as it was, but with its message masked; prints like the original class. */
  static final class MaskedException extends ProcessEngineException {

    private final String originalClass;

    MaskedException(String originalClass, String message, Throwable cause, StackTraceElement[] trace) {
      super(message, cause);
      this.originalClass = originalClass;
      setStackTrace(trace);
    }

    @Override
    public String toString() {
      String message = getLocalizedMessage();
      return message == null ? originalClass : originalClass + ": " + message;
    }
  }
}
