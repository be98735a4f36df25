package jp.madoguchi.application;

/** No such application for this resident in this tenant (whether it exists elsewhere is not told). */
public class ApplicationNotFoundException extends RuntimeException {

  public ApplicationNotFoundException(String message) {
    super(message);
  }
}
