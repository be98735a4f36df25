package jp.madoguchi.attachment;

/** A file the app does not accept; {@code status} is the HTTP status that says why. */
public class AttachmentRejectedException extends RuntimeException {

  private final int status;

  public AttachmentRejectedException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
