package jp.madoguchi.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

/** Contract C1: the departments of each shipped procedure, read from its BPMN. */
class ProcedureDepartmentsTests {

  private static final Path PROCESSES = Path.of("../processes");

  @Test
  void shouldReadTheLiteralCandidateGroupsOfTheUserTasks() {
    assertThat(ProcedureDepartments.of(model("bulky-waste-collection"), "bulky-waste-collection"))
        .containsExactly("waste-section");
    assertThat(ProcedureDepartments.of(model("resident-certificate"), "resident-certificate"))
        .containsExactly("citizen-section");
    assertThat(ProcedureDepartments.of(model("child-allowance"), "child-allowance"))
        .containsExactly("child-section", "child-section-chief");
  }

  @Test
  void shouldReadTheDeclaredDepartmentsWhereTheCandidateGroupIsAnExpression() {
    BpmnModelInstance road = model("road-damage-report");

    assertThat(ProcedureDepartments.hasExpressionGroups(road, "road-damage-report")).isTrue();
    assertThat(ProcedureDepartments.declaresDepartments(road, "road-damage-report")).isTrue();
    assertThat(ProcedureDepartments.of(road, "road-damage-report"))
        .containsExactly("park-section", "road-section", "sewer-section");
  }

  @Test
  void shouldNeverTakeAnExpressionForAGroup() {
    BpmnModelInstance routed = Bpmn.readModelFromStream(new ByteArrayInputStream(
        ProcedureDeploymentAccessTests.files("routed", "${department}", null).get("routed.bpmn")));

    assertThat(ProcedureDepartments.of(routed, "routed")).isEmpty();
    assertThat(ProcedureDepartments.declaresDepartments(routed, "routed")).isFalse();
  }

  private static BpmnModelInstance model(String key) {
    return Bpmn.readModelFromFile(PROCESSES.resolve(key + ".bpmn").toFile());
  }
}
