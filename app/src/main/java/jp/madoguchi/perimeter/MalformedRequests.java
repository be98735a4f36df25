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

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<Map<String, Object>> tooLarge() {
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
