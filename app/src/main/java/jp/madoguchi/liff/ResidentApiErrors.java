package jp.madoguchi.liff;

import java.util.LinkedHashMap;
import java.util.Map;

import jp.madoguchi.application.ActionNotAllowedException;
import jp.madoguchi.application.ApplicationNotFoundException;
import jp.madoguchi.attachment.AttachmentRejectedException;
import jp.madoguchi.liff.LiffIdTokens.InvalidIdTokenException;
import jp.madoguchi.procedure.InvalidFormException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** Errors of the resident API as a person can act on them: Japanese first, English second. */
@RestControllerAdvice(assignableTypes = {ResidentApiController.class, AttachmentController.class,
    DocumentController.class})
class ResidentApiErrors {

  @ExceptionHandler(InvalidIdTokenException.class)
  ResponseEntity<Map<String, Object>> unauthorized(InvalidIdTokenException e) {
    return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
        .body(Map.of("message", "もう一度 LINE からページを開いてください。" + e.getMessage()));
  }

  @ExceptionHandler(InvalidFormException.class)
  ResponseEntity<Map<String, Object>> invalid(InvalidFormException e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("message", e.getMessage());
    body.put("violations", e.getViolations());
    return ResponseEntity.badRequest().body(body);
  }

  @ExceptionHandler(ApplicationNotFoundException.class)
  ResponseEntity<Map<String, Object>> notFound(ApplicationNotFoundException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("message", e.getMessage()));
  }

  @ExceptionHandler(ActionNotAllowedException.class)
  ResponseEntity<Map<String, Object>> conflict(ActionNotAllowedException e) {
    return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("message", e.getMessage()));
  }

  @ExceptionHandler(AttachmentRejectedException.class)
  ResponseEntity<Map<String, Object>> attachment(AttachmentRejectedException e) {
    return ResponseEntity.status(e.status()).body(Map.of("message", e.getMessage()));
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<Map<String, Object>> tooLarge() {
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
        .body(Map.of("message", "ファイルは10MBまでです (files are limited to 10 MB)"));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    return ResponseEntity.badRequest().body(Map.of("message", "リクエストの形式が正しくありません (malformed JSON body)"));
  }
}
