package jp.madoguchi.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every procedure (and the README's example) follows the project's BPMN rules; each rule catches a bad model. */
class ProcedureRulesTests {

  private static final Path PROCESSES = Path.of("../processes");
  private static final Path FORMS = Path.of("../forms");
  private static final Path EXAMPLE = Path.of("../examples/add-a-procedure");
  private static final Set<String> SAMPLE_FORMS = Set.of("sample-apply", "sample-review");

  /** The smallest model that follows every rule; the tests below break one rule each. */
  private static final String GOOD = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Sample" targetNamespace="https://madoguchi.jp/procedures">
        <bpmn:process id="sample" name="見本の手続" isExecutable="true" camunda:historyTimeToLive="365">
          <bpmn:startEvent id="StartEvent_Submitted" name="申請を受信" camunda:formRef="sample-apply" camunda:formRefBinding="deployment">
            <bpmn:outgoing>Flow_ToReview</bpmn:outgoing>
          </bpmn:startEvent>
          <bpmn:userTask id="Task_Review" name="審査" camunda:formRef="sample-review" camunda:formRefBinding="deployment" camunda:candidateGroups="citizen-section">
            <bpmn:incoming>Flow_ToReview</bpmn:incoming>
            <bpmn:outgoing>Flow_ToDone</bpmn:outgoing>
          </bpmn:userTask>
          <bpmn:endEvent id="Event_Done" name="完了">
            <bpmn:incoming>Flow_ToDone</bpmn:incoming>
          </bpmn:endEvent>
          <bpmn:sequenceFlow id="Flow_ToReview" sourceRef="StartEvent_Submitted" targetRef="Task_Review" />
          <bpmn:sequenceFlow id="Flow_ToDone" sourceRef="Task_Review" targetRef="Event_Done" />
          <!-- extra -->
        </bpmn:process>
        <bpmndi:BPMNDiagram id="Diagram_Sample">
          <bpmndi:BPMNPlane id="Plane_Sample" bpmnElement="sample">
            <bpmndi:BPMNShape id="StartEvent_Submitted_di" bpmnElement="StartEvent_Submitted"><dc:Bounds x="100" y="100" width="36" height="36" /></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="Task_Review_di" bpmnElement="Task_Review"><dc:Bounds x="200" y="78" width="100" height="80" /></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="Event_Done_di" bpmnElement="Event_Done"><dc:Bounds x="360" y="100" width="36" height="36" /></bpmndi:BPMNShape>
            <bpmndi:BPMNEdge id="Flow_ToReview_di" bpmnElement="Flow_ToReview"><di:waypoint x="136" y="118" /><di:waypoint x="200" y="118" /></bpmndi:BPMNEdge>
            <bpmndi:BPMNEdge id="Flow_ToDone_di" bpmnElement="Flow_ToDone"><di:waypoint x="300" y="118" /><di:waypoint x="360" y="118" /></bpmndi:BPMNEdge>
          </bpmndi:BPMNPlane>
        </bpmndi:BPMNDiagram>
      </bpmn:definitions>
      """;

  static Stream<Path> procedures() throws IOException {
    return Stream.concat(bpmnFiles(PROCESSES), bpmnFiles(EXAMPLE));
  }

  @ParameterizedTest
  @MethodSource("procedures")
  void shouldFollowTheRules(Path bpmn) throws IOException {
    Set<String> forms = formIds(bpmn.startsWith(EXAMPLE) ? EXAMPLE.resolve("forms") : FORMS);

    assertThat(ProcedureRules.check(Files.readString(bpmn), forms)).as(bpmn.toString()).isEmpty();
  }

  @Test
  void shouldAcceptTheSmallestGoodModel() {
    assertThat(problems(GOOD)).isEmpty();
  }

  @Test
  void shouldRefuseIdsTheModelerMadeUp() {
    assertThat(problems(GOOD.replace("Task_Review", "Activity_0x1y2z3"))).singleElement().asString().startsWith("Activity_0x1y2z3:");
    assertThat(problems(GOOD.replace("Task_Review", "UserTask_1"))).singleElement().asString().startsWith("UserTask_1:");
    assertThat(problems(GOOD.replace("Flow_ToDone", "Flow_0abc12d"))).singleElement().asString().startsWith("Flow_0abc12d:");
    assertThat(problems(GOOD.replace("id=\"sample\"", "id=\"Process_1\"").replace("\"sample\">", "\"Process_1\">")))
        .anyMatch(problem -> problem.startsWith("Process_1:"));
  }

  @Test
  void shouldRequireHistoryTimeToLive() {
    assertThat(problems(GOOD.replace(" camunda:historyTimeToLive=\"365\"", "")))
        .containsExactly("sample: camunda:historyTimeToLive is not set (履歴の保存期間)");
  }

  @Test
  void shouldRequireFormsThatExistInTheFormsFolder() {
    assertThat(problems(GOOD.replace("sample-review", "sample-revue")))
        .containsExactly("Task_Review: form 'sample-revue' is not in forms/ (no .form file has this id)");
    assertThat(problems(GOOD.replace("sample-apply\" camunda:formRefBinding=\"deployment\"", "sample-apply\" camunda:formRefBinding=\"latest\"")))
        .containsExactly("StartEvent_Submitted: camunda:formRefBinding must be 'deployment' (the form deployed with the BPMN)");
  }

  @Test
  void shouldRequireAFormAndACandidateGroupOnEveryUserTask() {
    assertThat(problems(GOOD.replace(" camunda:formRef=\"sample-review\" camunda:formRefBinding=\"deployment\"", "")))
        .containsExactly("Task_Review: the user task has no form (camunda:formRef)");
    assertThat(problems(GOOD.replace(" camunda:candidateGroups=\"citizen-section\"", "")))
        .containsExactly("Task_Review: the user task has no candidate group (担当課, camunda:candidateGroups)");
  }

  @Test
  void shouldRefuseScripts() {
    assertThat(problems(withExtra("<bpmn:scriptTask id=\"Task_Calculate\" name=\"計算\" scriptFormat=\"javascript\">"
        + "<bpmn:script>1</bpmn:script></bpmn:scriptTask>")))
        .contains("Task_Calculate: script tasks are not allowed; use a delegate from the element templates");
    assertThat(problems(GOOD.replace("<bpmn:incoming>Flow_ToReview</bpmn:incoming>", "<bpmn:extensionElements>"
        + "<camunda:taskListener event=\"create\"><camunda:script scriptFormat=\"groovy\">x</camunda:script></camunda:taskListener>"
        + "</bpmn:extensionElements><bpmn:incoming>Flow_ToReview</bpmn:incoming>")))
        .containsExactly("Task_Review: scripts (camunda:script) are not allowed");
    assertThat(problems(GOOD.replace("<bpmn:sequenceFlow id=\"Flow_ToDone\" sourceRef=\"Task_Review\" targetRef=\"Event_Done\" />",
        "<bpmn:sequenceFlow id=\"Flow_ToDone\" sourceRef=\"Task_Review\" targetRef=\"Event_Done\">"
        + "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        + "language=\"javascript\">true</bpmn:conditionExpression></bpmn:sequenceFlow>")))
        .containsExactly("Flow_ToDone: script conditions are not allowed; use ${...}");
  }

  @Test
  void shouldRefuseJavaClassesInTheModel() {
    assertThat(problems(withExtra("<bpmn:serviceTask id=\"Task_Calculate\" name=\"計算\" camunda:class=\"jp.example.Fee\" />")))
        .contains("Task_Calculate: camunda:class is not allowed; use camunda:delegateExpression=\"${bean}\"");
  }

  @Test
  void shouldRequireAJapaneseNameOnEveryFlowNode() {
    assertThat(problems(GOOD.replace(" name=\"完了\"", "")))
        .containsExactly("Event_Done: give the element a Japanese name (名前), it is what clerks and residents read");
    assertThat(problems(GOOD.replace("name=\"完了\"", "name=\"Done\""))).singleElement().asString().startsWith("Event_Done:");
  }

  @Test
  void shouldRequireTheDiagram() {
    assertThat(problems(GOOD.replaceAll("<bpmndi:BPMNShape id=\"Event_Done_di\".*?</bpmndi:BPMNShape>", "")))
        .containsExactly("Event_Done: not in the diagram (no BPMN DI); draw it in Camunda Modeler");
  }

  private static String withExtra(String element) {
    return GOOD.replace("<!-- extra -->", element);
  }

  private static List<String> problems(String bpmn) {
    return ProcedureRules.check(bpmn, SAMPLE_FORMS);
  }

  private static Stream<Path> bpmnFiles(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(file -> file.toString().endsWith(".bpmn")).sorted().toList().stream();
    }
  }

  static Set<String> formIds(Path formsFolder) throws IOException {
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.walk(formsFolder)) {
      return files.filter(file -> file.toString().endsWith(".form"))
          .map(file -> {
            try {
              return json.readTree(Files.readString(file, StandardCharsets.UTF_8)).path("id").asText();
            } catch (IOException e) {
              throw new IllegalStateException(file + " is not valid JSON", e);
            }
          })
          .collect(Collectors.toSet());
    }
  }
}
