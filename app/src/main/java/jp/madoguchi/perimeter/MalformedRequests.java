package jp.madoguchi.perimeter;

import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Malformed requests that Spring would otherwise answer with 500: a file upload that is not a
 * readable multipart body. Feature-specific advice may answer more precisely; this is the floor.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class MalformedRequests {

  /**
   * Also the answer of feature-specific advice. Spring reports a part's headers beyond Tomcat's limit
   * ({@code server.tomcat.max-part-header-size}, i.e. a very long file name) as an upload too large.
   */
  @ExceptionHandler(MaxUploadSizeExceededException.class)
  public static ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null && cause.getMessage().startsWith("Header section has more than")) {
        return ResponseEntity.badRequest().body(Map.of("message",
            "ファイル名が長すぎます。ファイル名を短くしてから送ってください (the file name is too long: shorten it and send the file again)"));
      }
    }
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
        .body(Map.of("message", "ファイルは10MBまでです (files are limited to 10 MB)"));
  }

  /** Also the answer of feature-specific advice that catches every RuntimeException. */
  @ExceptionHandler(MultipartException.class)
  public static ResponseEntity<Map<String, Object>> notMultipart() {
    return ResponseEntity.badRequest().body(Map.of("message",
        "ファイルは multipart/form-data で送ってください (send the file as multipart/form-data)"));
  }
}
