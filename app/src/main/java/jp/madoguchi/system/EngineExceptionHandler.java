package jp.madoguchi.system;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;

/** Engine exceptions thrown outside a {@code RestException}: the caller's mistakes answer 400 ({@link EngineBadInput}). */
@Provider
public class EngineExceptionHandler implements ExceptionMapper<ProcessEngineException> {

  private final ProcessEngineExceptionHandler camundaDefault = new ProcessEngineExceptionHandler();

  @Override
  public Response toResponse(ProcessEngineException exception) {
    return EngineBadInput.response(exception).orElseGet(() -> camundaDefault.toResponse(exception));
  }
}
