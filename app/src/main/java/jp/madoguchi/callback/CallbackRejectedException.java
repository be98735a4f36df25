package jp.madoguchi.callback;

/** A provider callback that is not authentic: answered 401, nothing is read or written. */
public class CallbackRejectedException extends Exception {

  public CallbackRejectedException(String message) {
    super(message);
  }
}
