package jp.madoguchi.procedure.guard;

import java.util.ArrayList;
import java.util.List;

import jp.madoguchi.procedure.RefusalReason;

/** The reasons collected while checking one deployment, each said once. */
final class Reasons {

  private final List<RefusalReason> list = new ArrayList<>();

  void add(String resource, String element, String ja, String en) {
    RefusalReason reason = new RefusalReason(resource, element, ja, en);
    if (!list.contains(reason)) {
      list.add(reason);
    }
  }

  /** A designer's text as a reason quotes it: whole up to 80 characters. */
  static String shown(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "…";
  }

  boolean isEmpty() {
    return list.isEmpty();
  }

  List<RefusalReason> list() {
    return List.copyOf(list);
  }
}
