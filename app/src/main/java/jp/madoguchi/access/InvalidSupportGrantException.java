package jp.madoguchi.access;

/** A support grant request a tenant admin has to correct (400). */
class InvalidSupportGrantException extends RuntimeException {

  InvalidSupportGrantException(String message) {
    super(message);
  }
}
