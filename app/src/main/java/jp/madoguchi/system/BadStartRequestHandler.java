package jp.madoguchi.system;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;

/**
 * Camunda wraps every engine exception of a process start (and of some other calls) in a 500
 * {@link RestException}. When the cause is the caller's mistake ({@link EngineBadInput}), the answer
 * is a 400 that says what to fix. Every "not found" answers the same 404 ({@link UniformNotFound}).
 */
@Provider
public class BadStartRequestHandler implements ExceptionMapper<RestException> {

  private final RestExceptionHandler camundaDefault = new RestExceptionHandler();

  @Override
  public Response toResponse(RestException exception) {
    if (exception.getStatus() == Response.Status.NOT_FOUND || UniformNotFound.isNotFound(exception)) {
      return UniformNotFound.response();
    }
    return EngineBadInput.response(exception).orElseGet(() -> camundaDefault.toResponse(exception));
  }
}
