package jp.madoguchi.staff;

/** A staff administration request that cannot be done as asked; the message is for the admin (Japanese and English). */
public class StaffRequestException extends RuntimeException {

  private final int status;

  public StaffRequestException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
