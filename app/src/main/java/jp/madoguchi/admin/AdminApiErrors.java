package jp.madoguchi.admin;

import java.util.Map;

import jp.madoguchi.perimeter.UnreadableRequests;
import jp.madoguchi.staff.StaffRequestException;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Answers of the tenant admin API when a request cannot be done: a status and a message in Japanese and English. */
@RestControllerAdvice(basePackageClasses = AdminApiErrors.class)
class AdminApiErrors {

  @ExceptionHandler(StaffRequestException.class)
  ResponseEntity<Map<String, String>> refused(StaffRequestException e) {
    return ResponseEntity.status(e.status()).body(Map.of("message", e.getMessage()));
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<Map<String, String>> denied(AccessDeniedException e) {
    return ResponseEntity.status(403).body(Map.of("message",
        "この操作はこの自治体の管理者だけが行えます (only this municipality's administrators may do this)"));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
    return ResponseEntity.badRequest().body(Map.of("message", UnreadableRequests.message(e)));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Map<String, String>> badParameter(MethodArgumentTypeMismatchException e) {
    return ResponseEntity.badRequest().body(Map.of("message", UnreadableRequests.parameter(e)));
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<Map<String, String>> refusedValue(IllegalArgumentException e) {
    return ResponseEntity.badRequest().body(Map.of("message", "リクエストの内容を読み取れません (" + e.getMessage() + ")"));
  }
}
