package jp.madoguchi.system;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jp.madoguchi.application.DuplicateStartException;
import jp.madoguchi.database.DatabaseOutage;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;

/**
 * Camunda's REST error answers, with two changes. Camunda wraps every engine exception of a
 * process start in a 500: a {@link BadUserRequestException} thrown by a procedure step (for
 * example a form field missing) is the caller's mistake, so it becomes a 400 that says what to
 * fix. A database that cannot be reached is a 503 with {@code Retry-After}, never a 500, and a
 * start racing another one with the same {@code Idempotency-Key} a 409.
 * It takes the place of Camunda's own three mappers (Throwable, ProcessEngineException, RestException).
 */
@Provider
public class EngineRestErrors implements ExceptionMapper<Throwable> {

  @Override
  public Response toResponse(Throwable exception) {
    if (DatabaseOutage.isCause(exception)) {
      return Response.status(Response.Status.SERVICE_UNAVAILABLE)
          .header(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER_SECONDS)
          .entity(Map.of("type", "ServiceUnavailable", "message", DatabaseOutage.MESSAGE))
          .type(MediaType.APPLICATION_JSON_TYPE).build();
    }
    if (find(exception, DuplicateStartException.class) != null) {
      return Response.status(Response.Status.CONFLICT)
          .entity(Map.of("type", "DuplicateStart", "message", find(exception, DuplicateStartException.class).getMessage()))
          .type(MediaType.APPLICATION_JSON_TYPE).build();
    }
    BadUserRequestException badRequest = find(exception, BadUserRequestException.class);
    if (badRequest == null) {
      return ExceptionHandlerHelper.getInstance().getResponse(exception);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", badRequest.getClass().getSimpleName());
    body.put("message", badRequest.getMessage());
    body.put("code", badRequest.getCode());
    if (badRequest instanceof jp.madoguchi.procedure.InvalidFormException invalid) {
      body.put("violations", invalid.getViolations());
    }
    return Response.status(Response.Status.BAD_REQUEST).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  private static <T extends Throwable> T find(Throwable exception, Class<T> type) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return type.cast(cause);
      }
    }
    return null;
  }
}
