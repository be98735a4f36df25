package jp.madoguchi.attachment;

import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/** A file the app does not accept; {@code status} is the HTTP status that says why. */
public class AttachmentRejectedException extends RuntimeException {

  private final int status;
  private final int retryAfterSeconds;

  public AttachmentRejectedException(int status, String message) {
    this(status, message, 0);
  }

  /** @param retryAfterSeconds when the same upload may succeed later (busy, a limit per hour); 0: it will not */
  public AttachmentRejectedException(int status, String message, int retryAfterSeconds) {
    super(message);
    this.status = status;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public int status() {
    return status;
  }

  /** The answer: the status, {@code Retry-After} when waiting helps, the Japanese (and English) message. */
  public ResponseEntity<Map<String, Object>> answer() {
    ResponseEntity.BodyBuilder answer = ResponseEntity.status(status);
    if (retryAfterSeconds > 0) {
      answer.header(HttpHeaders.RETRY_AFTER, Integer.toString(retryAfterSeconds));
    }
    return answer.body(Map.of("message", getMessage()));
  }
}
