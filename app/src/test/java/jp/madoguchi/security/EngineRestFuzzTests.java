package jp.madoguchi.security;

import static jp.madoguchi.security.PerimeterAttackTests.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import jp.madoguchi.BulkyWasteApplications;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.procedure.TenantContext;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every operation of Camunda's REST API as its published OpenAPI description lists it (386 in
 * 7.24), called by a tenant administrator (an operator for the engine's metrics) with each query
 * parameter and each field of its JSON body set to a value of the wrong type or content, and once as
 * it is by a clerk and by nobody. The ids
 * in its path are a real application's (process instance, task, execution, definition, deployment)
 * where the operation reads or changes one, so the checks behind the id are reached; a deletion gets
 * an id that does not exist. No answer may be a 5xx: what the caller sent wrong is the caller's
 * 4xx. Own JVM: what is accepted changes the demo tenant.
 */
@Tag("own-jvm")
class EngineRestFuzzTests extends IntegrationTest {

  private static final String ADMIN = basic("demo-admin", DEMO_ADMIN_PASSWORD);
  private static final String CLERK = basic("demo-clerk", DEMO_CLERK_PASSWORD);
  /** The engine's metrics are the operators' alone (gate.DeploymentWideFigures). */
  private static final String OPERATOR = basic("test-operator", "Operator-Pass-2026!");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TestFactory
  Stream<DynamicTest> shouldAnswerMalformedInputOnEveryOperationWithAClientError() throws IOException {
    JsonNode description = CamundaOpenApi.description();
    Map<String, String> ids = realIds();
    List<EngineRestOperation> operations = EngineRestOperation.all(description);
    assertThat(operations).as("Camunda's operations were read").hasSizeGreaterThan(300);
    return operations.stream().map(operation -> DynamicTest.dynamicTest(operation.toString(), () -> {
      List<String> faults = new ArrayList<>();
      String caller = operation.path().startsWith("/metrics") ? OPERATOR : ADMIN;
      for (FuzzCall call : operation.calls(ids, caller, List.of("", CLERK))) {
        HttpResponse<String> response = call.send(http, "http://localhost:" + port);
        if (response.statusCode() >= 500) {
          String body = response.body();
          faults.add(call + " → " + response.statusCode() + " " + (body.length() > 300 ? body.substring(0, 300) : body));
        }
      }
      assertThat(faults).as(operation + ": server errors").isEmpty();
    }));
  }

  /** One bulky-waste application waiting for its review: its ids stand in for the path's. */
  private Map<String, String> realIds() {
    ProcessInstance instance = TenantContext.callAs(DEMO, () -> engine.getRuntimeService()
        .startProcessInstanceByKey("bulky-waste-collection", BulkyWasteApplications.valid()));
    BulkyWasteApplications.runJobs(engine.getManagementService(), instance.getId());
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
    String deployment = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionId(instance.getProcessDefinitionId()).singleResult().getDeploymentId();
    return Map.of("process-instance", instance.getId(), "task", task.getId(), "execution", task.getExecutionId(),
        "process-definition", instance.getProcessDefinitionId(), "deployment", deployment,
        "key", "bulky-waste-collection", "tenant-id", DEMO);
  }
}
