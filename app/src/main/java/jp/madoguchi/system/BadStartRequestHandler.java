package jp.madoguchi.system;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;

/**
 * Camunda wraps every engine exception of a process start in a 500. A
 * {@link BadUserRequestException} thrown by a procedure step (for example a form field missing)
 * is the caller's mistake, so it becomes a 400 that says what to fix. Every "not found" answers the
 * same 404 ({@link UniformNotFound}).
 */
@Provider
public class BadStartRequestHandler implements ExceptionMapper<RestException> {

  private final RestExceptionHandler camundaDefault = new RestExceptionHandler();

  @Override
  public Response toResponse(RestException exception) {
    if (exception.getStatus() == Response.Status.NOT_FOUND || UniformNotFound.isNotFound(exception)) {
      return UniformNotFound.response();
    }
    BadUserRequestException badRequest = findBadRequest(exception);
    if (badRequest == null) {
      return camundaDefault.toResponse(exception);
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

  private static BadUserRequestException findBadRequest(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof BadUserRequestException badRequest) {
        return badRequest;
      }
    }
    return null;
  }
}
