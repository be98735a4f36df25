package jp.madoguchi.system;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;

/**
 * Camunda's mapping of engine exceptions thrown outside a {@code RestException}, except for ids the
 * caller may not see (an unknown id, another tenant's and another department's all answer the same
 * 404, {@link UniformNotFound}) and the caller's own mistakes (400, {@link EngineBadInput}). A
 * permission missing on something the caller can see stays a 403 with Camunda's explanation.
 */
@Provider
public class EngineExceptionHandler implements ExceptionMapper<ProcessEngineException> {

  private final ProcessEngineExceptionHandler camundaDefault = new ProcessEngineExceptionHandler();

  @Context
  private UriInfo uri;

  @Override
  public Response toResponse(ProcessEngineException exception) {
    if (UniformNotFound.isNotFound(exception)) {
      return UniformNotFound.response();
    }
    if (exception instanceof AuthorizationException && !VisibleIds.visible(uri.getPath())) {
      return UniformNotFound.response();
    }
    return EngineBadInput.response(exception).orElseGet(() -> camundaDefault.toResponse(exception));
  }
}
