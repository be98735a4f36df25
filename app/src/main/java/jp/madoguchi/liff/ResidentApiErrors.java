package jp.madoguchi.liff;

import java.util.LinkedHashMap;
import java.util.Map;

import jp.madoguchi.application.ActionNotAllowedException;
import jp.madoguchi.application.ApplicationNotFoundException;
import jp.madoguchi.application.ResidentQuotaExceededException;
import jp.madoguchi.attachment.AttachmentRejectedException;
import jp.madoguchi.database.DatabaseOutage;
import jp.madoguchi.liff.LiffIdTokens.InvalidIdTokenException;
import jp.madoguchi.perimeter.MalformedRequests;
import jp.madoguchi.perimeter.UnreadableRequests;
import jp.madoguchi.procedure.InvalidFormException;
import jp.madoguchi.procedure.ProcedureUnavailableException;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Errors of the resident API as a person can act on them: Japanese first, English second. What
 * goes wrong on the server (a procedure whose deployment is broken, the engine) never reaches the
 * resident as the engine's English text: they are told what to do, the log says what happened.
 * Asked before the deployment-wide floor advice ({@code perimeter.ConcurrentChanges}), which would
 * otherwise answer some of the same failures in words not meant for residents.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = {ResidentApiController.class, AttachmentController.class,
    DocumentController.class})
class ResidentApiErrors {

  private static final Logger log = LoggerFactory.getLogger(ResidentApiErrors.class);
  static final String PROCEDURE_UNAVAILABLE = "この手続は、ただいま受け付けを止めています。時間をおいてもう一度お試しいただくか、"
      + "市役所の担当課にお問い合わせください。(This procedure cannot be used at the moment.)";
  static final String CHANGED_MEANWHILE = "この申請は、ちょうど別の操作で状況が変わりました。申請の詳細を開き直して、今の状況をご確認ください。"
      + "(The application changed at the same moment; open it again to see where it stands.)";
  static final String SERVER_PROBLEM = "サーバーで問題が起きました。時間をおいてもう一度お試しください。続くときは市役所にお問い合わせください。"
      + "(Something went wrong on the server.)";

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
    return e.answer();
  }

  @ExceptionHandler(ResidentQuotaExceededException.class)
  ResponseEntity<Map<String, Object>> quota(ResidentQuotaExceededException e) {
    var answer = ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS);
    e.retryAfterSeconds().ifPresent(seconds -> answer.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)));
    // "quota" tells the LIFF page not to send it again by itself, as it does after a busy server's 429/503
    return answer.body(Map.of("message", e.getMessage(), "quota", e.quota()));
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e) {
    return MalformedRequests.tooLarge(e);
  }

  @ExceptionHandler(ProcedureUnavailableException.class)
  ResponseEntity<Map<String, Object>> procedureUnavailable(ProcedureUnavailableException e) {
    log.error("A resident could not use a procedure: {}", e.getMessage());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("message", PROCEDURE_UNAVAILABLE));
  }

  /**
   * Another action changed the application at the same moment (a clerk's decision while the resident
   * withdraws): nothing was done, and the resident looks at the application again.
   */
  @ExceptionHandler({OptimisticLockingException.class, MismatchingMessageCorrelationException.class})
  ResponseEntity<Map<String, Object>> changedMeanwhile(ProcessEngineException e) {
    log.warn("A resident's action met a concurrent change of the application ({})", e.getClass().getSimpleName());
    return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("message", CHANGED_MEANWHILE));
  }

  /** The engine failed while running a procedure's first steps (e.g. an expression its BPMN gets wrong). */
  @ExceptionHandler(ProcessEngineException.class)
  ResponseEntity<Map<String, Object>> engine(ProcessEngineException e) {
    if (DatabaseOutage.isCause(e)) {
      return databaseUnavailable(e);
    }
    log.error("The engine failed on a resident's request", e);
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("message", PROCEDURE_UNAVAILABLE));
  }

  /**
   * Anything else that fails on the server. Spring's own request errors (4xx) and Spring Security's
   * refusals keep their answers.
   */
  @ExceptionHandler(RuntimeException.class)
  ResponseEntity<Map<String, Object>> unexpected(RuntimeException e) {
    if (e instanceof ErrorResponse || e instanceof TypeMismatchException || e instanceof AccessDeniedException
        || e instanceof AuthenticationException) {
      throw e;
    }
    if (e instanceof MultipartException) {
      return MalformedRequests.notMultipart();
    }
    if (DatabaseOutage.isCause(e)) {
      return databaseUnavailable(e);
    }
    log.error("A resident's request failed", e);
    return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(Map.of("message", SERVER_PROBLEM));
  }

  /**
   * The database went away during the request (e.g. its rollback failed on a dead connection): the
   * same 503 with Retry-After as when the outage is known before the request starts, so the LIFF
   * page sends the submission again (with its clientRequestId: it is stored once).
   */
  private static ResponseEntity<Map<String, Object>> databaseUnavailable(RuntimeException e) {
    log.warn("A resident's request answered 503: the database is unavailable ({})", e.getClass().getSimpleName());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS))
        .body(Map.of("message", DatabaseOutage.MESSAGE));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    return ResponseEntity.badRequest().body(Map.of("message", UnreadableRequests.message(e)));
  }
}
