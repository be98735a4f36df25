package jp.madoguchi.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jp.madoguchi.IntegrationTest;
import jp.madoguchi.StaffRequests;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Deploying a procedure derives its departments' grants; a key belongs to one owner. */
class ProcedureDeploymentAccessTests extends IntegrationTest {

  @LocalServerPort int port;
  @Autowired AuthorizationService authorizations;
  private StaffRequests http;

  @BeforeEach
  void client() {
    http = new StaffRequests(port);
  }

  @Test
  void shouldGrantTheDepartmentsOfTheSharedProceduresOnTheirKeysOnly() {
    assertThat(groupsGrantedOn("bulky-waste-collection")).containsExactly("waste-section");
    assertThat(groupsGrantedOn("resident-certificate")).containsExactly("citizen-section");
    assertThat(groupsGrantedOn("road-damage-report")).containsExactly("park-section", "road-section", "sewer-section");
    assertThat(groupsGrantedOn("child-allowance")).containsExactly("child-section", "child-section-chief");
    Authorization waste = grant("waste-section", "bulky-waste-collection");
    assertThat(waste.isPermissionGranted(ProcessDefinitionPermissions.READ_HISTORY_VARIABLE)).isTrue();
    assertThat(waste.isPermissionGranted(ProcessDefinitionPermissions.TASK_WORK)).isTrue();
    assertThat(waste.isPermissionGranted(ProcessDefinitionPermissions.UPDATE_TASK)).isFalse();
    assertThat(waste.isPermissionGranted(ProcessDefinitionPermissions.UPDATE_INSTANCE_VARIABLE)).isFalse();
    assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.PROCESS_DEFINITION)
        .resourceId(Authorization.ANY).list()).extracting(Authorization::getGroupId)
        .as("no clerk group reads every procedure").containsOnly("tenant-admin", "saas-operator");
    assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.TASK).count())
        .as("no authorization row per task").isZero();
  }

  @Test
  void shouldDeriveTheGrantsOfATenantsOwnProcedureWhenItIsDeployed() throws Exception {
    HttpResponse<String> deployed = http.deploy(Staffs.DEMO_ADMIN, "dog", DEMO,
        files("demo-dog-registration", "citizen-section", null));

    assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
    assertThat(groupsGrantedOn("demo-dog-registration")).containsExactly("citizen-section");
    assertThat(http.get(Staffs.CITIZEN, "/engine-rest/process-definition?key=demo-dog-registration").body())
        .contains("demo-dog-registration");
    assertThat(http.get(Staffs.WASTE, "/engine-rest/process-definition?key=demo-dog-registration").body())
        .isEqualTo("[]");
  }

  @Test
  void shouldRefuseAKeyThatAnotherOwnerHas() throws Exception {
    assertThat(http.deploy(Staffs.DEMO_ADMIN, "cats", DEMO,
        files("demo-cat-registration", "waste-section", null)).statusCode())
        .isEqualTo(200);

    HttpResponse<String> sameKeyOtherTenant = http.deploy(Staffs.KITA_ADMIN, "cats", KITA,
        files("demo-cat-registration", "waste-section", null));
    HttpResponse<String> sharedKey = http.deploy(Staffs.DEMO_ADMIN, "waste", DEMO,
        files("bulky-waste-collection", "citizen-section", null));
    HttpResponse<String> noTenant = http.deploy(Staffs.DEMO_ADMIN, "shared", null,
        files("anything-shared", "citizen-section", null));

    assertThat(sameKeyOtherTenant.statusCode()).isEqualTo(400);
    assertThat(sameKeyOtherTenant.body()).contains("another tenant").contains("ほかの自治体");
    assertThat(sharedKey.statusCode()).isEqualTo(400);
    assertThat(sharedKey.body()).contains("a shared procedure");
    assertThat(noTenant.statusCode()).isEqualTo(400);
    assertThat(groupsGrantedOn("demo-cat-registration")).containsExactly("waste-section");
    assertThat(groupsGrantedOn("bulky-waste-collection")).containsExactly("waste-section");
  }

  @Test
  void shouldRequireTheDepartmentsWhereCandidateGroupsAreAnExpression() throws Exception {
    HttpResponse<String> undeclared = http.deploy(Staffs.DEMO_ADMIN, "routed", DEMO,
        files("demo-routed", "${department}", null));
    HttpResponse<String> declared = http.deploy(Staffs.DEMO_ADMIN, "routed", DEMO,
        files("demo-routed", "${department}", "road-section, park-section"));

    assertThat(undeclared.statusCode()).isEqualTo(400);
    assertThat(undeclared.body()).contains("departments");
    assertThat(declared.statusCode()).as(declared.body()).isEqualTo(200);
    assertThat(groupsGrantedOn("demo-routed")).containsExactly("park-section", "road-section");
  }

  @Test
  void shouldLetNobodyDeleteTheirDeploymentWithTheApplicationsHistory() throws Exception {
    HttpResponse<String> deployed = http.deploy(Staffs.DEMO_ADMIN, "mice", DEMO,
        files("demo-mouse-registration", "waste-section", null));
    String id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(deployed.body()).get("id").asText();

    assertThat(http.delete(Staffs.DEMO_ADMIN, "/engine-rest/deployment/" + id + "?cascade=true").statusCode())
        .isEqualTo(403);
    assertThat(authorizations.isUserAuthorized("demo-admin", java.util.List.of("tenant-admin"), Permissions.DELETE,
        Resources.DEPLOYMENT, id))
        .isFalse();
  }

  private java.util.List<String> groupsGrantedOn(String key) {
    return authorizations.createAuthorizationQuery().resourceType(Resources.PROCESS_DEFINITION).resourceId(key).list()
        .stream().map(Authorization::getGroupId).sorted().toList();
  }

  private Authorization grant(String group, String key) {
    return authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(Resources.PROCESS_DEFINITION)
        .resourceId(key).singleResult();
  }

  /** One user task with its form, drawn (the deploy guard's rules); the departments property only when given. */
  static Map<String, byte[]> files(String key, String candidateGroups, String departments) {
    String property = departments == null ? ""
        : "<camunda:property name=\"departments\" value=\"" + departments + "\" />";
    String bpmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
            xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_%1$s" targetNamespace="http://madoguchi.jp/test">
          <bpmn:process id="%1$s" name="テスト手続" isExecutable="true" camunda:historyTimeToLive="365">
            <bpmn:extensionElements><camunda:properties>
              <camunda:property name="confidentiality" value="2" />
              <camunda:property name="personalData" value="personal" />
              <camunda:property name="retentionYears" value="1" />
              %2$s
            </camunda:properties></bpmn:extensionElements>
            <bpmn:startEvent id="Event_Start" name="開始"><bpmn:outgoing>Flow_ToReview</bpmn:outgoing></bpmn:startEvent>
            <bpmn:sequenceFlow id="Flow_ToReview" sourceRef="Event_Start" targetRef="Task_Review" />
            <bpmn:userTask id="Task_Review" name="審査" camunda:candidateGroups="%3$s"
                camunda:formRef="%1$s-review" camunda:formRefBinding="deployment">
              <bpmn:incoming>Flow_ToReview</bpmn:incoming><bpmn:outgoing>Flow_ToEnd</bpmn:outgoing></bpmn:userTask>
            <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="Task_Review" targetRef="Event_End" />
            <bpmn:endEvent id="Event_End" name="終了"><bpmn:incoming>Flow_ToEnd</bpmn:incoming></bpmn:endEvent>
          </bpmn:process>
          <bpmndi:BPMNDiagram id="Diagram_%1$s">
            <bpmndi:BPMNPlane id="Plane_%1$s" bpmnElement="%1$s">
              <bpmndi:BPMNShape id="Shape_Start" bpmnElement="Event_Start"><dc:Bounds x="100" y="100" width="36" height="36" /></bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="Shape_Review" bpmnElement="Task_Review"><dc:Bounds x="180" y="78" width="100" height="80" /></bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="Shape_End" bpmnElement="Event_End"><dc:Bounds x="330" y="100" width="36" height="36" /></bpmndi:BPMNShape>
              <bpmndi:BPMNEdge id="Edge_ToReview" bpmnElement="Flow_ToReview"><di:waypoint x="136" y="118" /><di:waypoint x="180" y="118" /></bpmndi:BPMNEdge>
              <bpmndi:BPMNEdge id="Edge_ToEnd" bpmnElement="Flow_ToEnd"><di:waypoint x="280" y="118" /><di:waypoint x="330" y="118" /></bpmndi:BPMNEdge>
            </bpmndi:BPMNPlane>
          </bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """.formatted(key, property, candidateGroups);
    String form = """
        {"id": "%s-review", "type": "default", "components": [
          {"id": "Text_InformationLabel", "type": "html", "content": "<p>情報区分：{{informationLabel}}</p>"},
          {"id": "Field_Decision", "type": "radio", "key": "decision", "label": "審査結果",
           "properties": {"confidentiality": "1", "personalData": "none"},
           "values": [{"label": "承認", "value": "approve"}]}]}
        """.formatted(key);
    return Map.of(key + ".bpmn", bpmn.getBytes(StandardCharsets.UTF_8), "review.form", form.getBytes(StandardCharsets.UTF_8));
  }
}
