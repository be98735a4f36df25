package jp.madoguchi.application;

/** The process does not offer this action now (e.g. a withdrawal after approval). */
public class ActionNotAllowedException extends RuntimeException {

  public ActionNotAllowedException(String message) {
    super(message);
  }
}
