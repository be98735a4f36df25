package jp.madoguchi.callback;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** What a provider learns when its callback is refused; nothing was read or written before. */
@RestControllerAdvice(annotations = ProviderCallback.class)
class CallbackErrors {

  @ExceptionHandler(CallbackRejectedException.class)
  ResponseEntity<Map<String, Object>> rejected(CallbackRejectedException e) {
    return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("message", e.getMessage()));
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<Map<String, Object>> malformed(IllegalArgumentException e) {
    return ResponseEntity.badRequest().body(Map.of("message", e.getMessage()));
  }
}
