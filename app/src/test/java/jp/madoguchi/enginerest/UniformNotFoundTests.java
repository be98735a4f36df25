package jp.madoguchi.enginerest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response.Status;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;

/**
 * Which failures answer the uniform 404: the engine's ways of saying "no such id", not a server
 * fault whose message happens to say "cannot find" (an Operaton jar without Spin's JSON format said
 * "Cannot find serializer" for every JSON variable, and the caller was told the procedure did not
 * exist).
 */
class UniformNotFoundTests {

  @Test
  void shouldTakeTheEnginesMissingIdsForNotFound() {
    assertThat(UniformNotFound.isNotFound(new NullValueException("Cannot find task with id 42: task is null")))
        .isTrue();
    assertThat(UniformNotFound.isNotFound(new RestException(Status.INTERNAL_SERVER_ERROR,
        new NullValueException("No process definition found for key 'x': processDefinition is null"),
        "Cannot instantiate process definition x: No process definition found for key 'x'"))).isTrue();
    assertThat(UniformNotFound.isNotFound(new RestException(Status.INTERNAL_SERVER_ERROR,
        "No job found with id '42'"))).as("the job resource passes on only the engine's message").isTrue();
  }

  @Test
  void shouldNotTakeAServerFaultThatSaysCannotFindForNotFound() {
    ProcessEngineException fault = new ProcessEngineException(
        "Cannot find serializer for value 'Value 'null' of type 'json', isTransient=false'.");
    assertThat(UniformNotFound.isNotFound(new RestException(Status.INTERNAL_SERVER_ERROR, fault,
        "Cannot instantiate process definition bulky-waste-collection:1:x: " + fault.getMessage()))).isFalse();
  }
}
