package jp.madoguchi.benchmark;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bare engine start body with as many variables, of the same kinds and stored sizes, as a
 * Madoguchi bulky-waste submission leaves on its process (counted in {@code ACT_RU_VARIABLE} of a
 * profiled run): ten texts of 10–172 characters (its sealed strings as stored, a date in clear), three JSON values
 * stored as byte arrays, and the review's three empty decision fields. So the bare engine pays the
 * rows and indexes of the variables and nothing of what Madoguchi does besides.
 */
final class SubmissionVariables {

  private static final Map<String, Integer> TEXTS = new LinkedHashMap<>();
  private static final String[] BYTES = {"items", "readable", "attachmentLinks"};
  private static final String[] EMPTY = {"decision", "rejectReason", "returnComment"};

  static {
    TEXTS.put("address", 108);
    TEXTS.put("applicantName", 100);
    TEXTS.put("applicationId", 128);
    TEXTS.put("applicationNumber", 96);
    TEXTS.put("cardSubject", 108);
    TEXTS.put("informationLabel", 116);
    TEXTS.put("phone", 100);
    TEXTS.put("preferredDate1", 10);
    TEXTS.put("residentRef", 124);
    TEXTS.put("uploadPageUrl", 172);
  }

  private SubmissionVariables() {
  }

  static int count() {
    return TEXTS.size() + BYTES.length + EMPTY.length;
  }

  /** With the review's empty decision fields, or without them when the process declares them itself. */
  static String startBody(boolean withDecisionFields) {
    StringBuilder variables = new StringBuilder();
    TEXTS.forEach((name, length) -> append(variables, name, "\"String\"", "\"" + "x".repeat(length) + "\""));
    String bytes = Base64.getEncoder().encodeToString(new byte[240]);
    for (String name : BYTES) {
      append(variables, name, "\"Bytes\"", "\"" + bytes + "\"");
    }
    if (withDecisionFields) {
      for (String name : EMPTY) {
        append(variables, name, "\"Null\"", "null");
      }
    }
    return "{\"variables\": {" + variables + "}}";
  }

  private static void append(StringBuilder variables, String name, String type, String value) {
    if (!variables.isEmpty()) {
      variables.append(", ");
    }
    variables.append('"').append(name).append("\": {\"type\": ").append(type).append(", \"value\": ").append(value)
        .append('}');
  }
}
