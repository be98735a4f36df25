package jp.madoguchi.perimeter;

import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * What to tell a client whose JSON body or parameter could not be read, in Japanese with English in
 * brackets: which field or parameter holds a value of the wrong kind and what it should be, where
 * the JSON is broken, or that the body is missing. Jackson's and Spring's own texts name Java types
 * and are never passed on.
 */
public final class UnreadableRequests {

  /** A field name is the client's own text: shown back, but not at any length. */
  private static final int MAX_SHOWN = 100;

  private UnreadableRequests() {
  }

  /** What to say about a request Spring could not bind to its handler; null for other errors. */
  static String of(Throwable error) {
    if (error instanceof HttpMessageNotReadableException unreadable) {
      return message(unreadable);
    }
    if (error instanceof MethodArgumentTypeMismatchException mismatch) {
      return parameter(mismatch);
    }
    if (error instanceof BindException bind) {
      return parameter(bind);
    }
    if (error instanceof MissingServletRequestPartException part) {
      return "「" + part.getRequestPartName() + "」のファイルがありません (the multipart part '" + part.getRequestPartName()
          + "' is missing)";
    }
    if (error instanceof MissingServletRequestParameterException parameter) {
      return "パラメータ「" + parameter.getParameterName() + "」が必要です (the parameter '" + parameter.getParameterName()
          + "' is required)";
    }
    return null;
  }

  public static String message(HttpMessageNotReadableException e) {
    Throwable cause = e.getCause();
    if (cause instanceof MismatchedInputException mismatch) {
      Expected expected = expected(mismatch.getTargetType());
      if (mismatch.getPath().isEmpty()) {
        return "本文は" + spaced(expected.ja()) + "で送ってください (the request body: expected " + expected.en() + ")";
      }
      String field = path(mismatch);
      return "「" + field + "」は" + spaced(expected.ja()) + "で指定してください (" + field + ": expected " + expected.en() + ")";
    }
    if (cause instanceof StreamReadException broken) {
      return brokenJson(broken);
    }
    if (cause == null && e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")) {
      return "本文（JSON）がありません (the request body is missing)";
    }
    return "リクエストの本文を読み取れません。JSON の形式を確かめてください (the request body cannot be read as the expected JSON)";
  }

  /** A query or path parameter that is not of its kind, e.g. {@code page=abc} or a number beyond an int. */
  public static String parameter(MethodArgumentTypeMismatchException e) {
    return parameter(e.getName(), e.getRequiredType());
  }

  /** The first field of a query bound to an object ({@code ?page=abc}) that is not of its kind; else null. */
  private static String parameter(BindException e) {
    for (FieldError field : e.getFieldErrors()) {
      if (field.contains(TypeMismatchException.class)) {
        return parameter(field.getField(), field.unwrap(TypeMismatchException.class).getRequiredType());
      }
    }
    return null;
  }

  private static String parameter(String name, Class<?> type) {
    String shownName = shown(name);
    Expected expected = expected(type);
    return "パラメータ「" + shownName + "」は" + spaced(expected.ja()) + "で指定してください (" + shownName + ": expected "
        + expected.en() + ")";
  }

  /** What a value should have been, in Japanese and in English. */
  private record Expected(String ja, String en) {
  }

  private static Expected expected(Class<?> type) {
    if (type == null) {
      return new Expected("正しい形式", "another kind of value");
    }
    if (type == String.class || CharSequence.class.isAssignableFrom(type)) {
      return new Expected("文字列", "a string");
    }
    if (type == boolean.class || type == Boolean.class) {
      return new Expected("true か false", "true or false");
    }
    if (type == int.class || type == long.class || type == short.class || type == Integer.class
        || type == Long.class || type == Short.class || type == BigInteger.class) {
      return new Expected("整数", "a whole number");
    }
    if (type == double.class || type == float.class || Number.class.isAssignableFrom(type)) {
      return new Expected("数値", "a number");
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return new Expected("配列（[ ]）", "a JSON array");
    }
    if (type == UUID.class) {
      return new Expected("UUID（例: 123e4567-e89b-12d3-a456-426614174000）", "a UUID");
    }
    if (type.isEnum()) {
      String values = Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
      return new Expected("次のいずれか（" + values + "）", "one of " + values);
    }
    if (Temporal.class.isAssignableFrom(type)) {
      return new Expected("日付・日時（例: 2026-12-01、2026-12-01T09:00:00+09:00）", "an ISO date or date-time");
    }
    if (!type.isPrimitive()) {
      return new Expected("オブジェクト（{ }）", "a JSON object");
    }
    return new Expected("正しい形式", "another kind of value");
  }

  /** {@code items[0].quantity}: the field as a client wrote it. */
  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return shown(path.toString());
  }

  private static String brokenJson(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    String reason = e.getOriginalMessage();
    if (reason != null && reason.startsWith("Duplicate field '") && reason.endsWith("'")) {
      String field = shown(reason.substring("Duplicate field '".length(), reason.length() - 1));
      return "JSON に「" + field + "」が二つあります。一つにしてください (" + field + ": the field appears twice)";
    }
    if (at == null || at.getLineNr() < 1) {
      return "JSON として読み取れません (malformed JSON)";
    }
    return "JSON として読み取れません: " + at.getLineNr() + " 行目 " + at.getColumnNr() + " 文字目付近 (malformed JSON at line "
        + at.getLineNr() + ", column " + at.getColumnNr() + ")";
  }

  /** Latin words set off by a space from the Japanese around them: 「disabled」は true か false で. */
  private static String spaced(String phrase) {
    return (isLatin(phrase.charAt(0)) ? " " : "") + phrase + (isLatin(phrase.charAt(phrase.length() - 1)) ? " " : "");
  }

  private static boolean isLatin(char c) {
    return c < 0x80 && Character.isLetterOrDigit(c);
  }

  private static String shown(String clientText) {
    return clientText.length() > MAX_SHOWN ? clientText.substring(0, MAX_SHOWN) + "…" : clientText;
  }
}
