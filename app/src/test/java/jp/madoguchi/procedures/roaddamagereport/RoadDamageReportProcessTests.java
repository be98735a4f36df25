package jp.madoguchi.procedures.roaddamagereport;

import static jp.madoguchi.BulkyWasteApplications.residentStatuses;
import static jp.madoguchi.BulkyWasteApplications.runJobs;
import static jp.madoguchi.ProcessAssertions.assertThat;
import static jp.madoguchi.ProcessAssertions.complete;
import static jp.madoguchi.ProcessAssertions.task;
import static jp.madoguchi.RoadDamageReports.accept;
import static jp.madoguchi.RoadDamageReports.completeRepair;
import static jp.madoguchi.RoadDamageReports.duplicateOf;
import static jp.madoguchi.RoadDamageReports.reject;
import static jp.madoguchi.RoadDamageReports.report;
import static jp.madoguchi.RoadDamageReports.startRepair;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;

import jp.madoguchi.IntegrationTest;
import jp.madoguchi.IssuedDocuments;
import jp.madoguchi.ProcessAssertions;
import jp.madoguchi.ProcessCoverage;
import jp.madoguchi.RoadDamageReports;
import jp.madoguchi.TestDates;
import jp.madoguchi.application.ResidentStatusService;
import jp.madoguchi.attachment.Attachments;
import jp.madoguchi.document.Documents;
import jp.madoguchi.procedure.InvalidFormException;
import jp.madoguchi.procedure.TenantContext;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every path of 道路・公園等の損傷通報, on the real engine and database: every flow node and sequence flow
 * is reached. The procedure is data only: its steps are generic building blocks with parameters.
 */
@ProcessCoverage(value = "road-damage-report", atLeast = 1.0)
class RoadDamageReportProcessTests extends IntegrationTest {

  /** No MADOGUCHI_PUBLIC_URL in the tests: links take the port the server listens on. */
  @org.springframework.boot.test.web.server.LocalServerPort int port;

  private static final String PROCESS = "road-damage-report";
  private static final String RECEIPT = "受付票";
  /** Another procedure of the tenant that waits for the message merged reports wait for, keyed by the same field. */
  private static final String BYSTANDER = "merge-bystander";
  private static final String BYSTANDER_FORM = """
      {"id": "merge-bystander-apply", "type": "default", "components": [
        {"id": "Field_DuplicateOf", "type": "textfield", "key": "duplicateOf", "label": "受付番号",
         "properties": {"confidentiality": "1", "personalData": "none"}}]}
      """;
  private static final String BYSTANDER_BPMN = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_MergeBystander" targetNamespace="https://madoguchi.jp/procedures">
        <bpmn:process id="merge-bystander" name="別の手続" isExecutable="true" camunda:historyTimeToLive="365" camunda:isStartableInTasklist="false">
          <bpmn:extensionElements><camunda:properties>
            <camunda:property name="confidentiality" value="1" /><camunda:property name="personalData" value="none" /><camunda:property name="retentionYears" value="1" />
          </camunda:properties></bpmn:extensionElements>
          <bpmn:startEvent id="StartEvent_Submitted" name="申請を受信" camunda:formRef="merge-bystander-apply" camunda:formRefBinding="deployment"><bpmn:outgoing>Flow_ToWait</bpmn:outgoing></bpmn:startEvent>
          <bpmn:intermediateCatchEvent id="Event_OriginalReportFixed" name="完了を受信"><bpmn:incoming>Flow_ToWait</bpmn:incoming><bpmn:outgoing>Flow_ToDone</bpmn:outgoing><bpmn:messageEventDefinition id="MessageDefinition_OriginalReportFixed" messageRef="Message_OriginalReportFixed" /></bpmn:intermediateCatchEvent>
          <bpmn:endEvent id="Event_Done" name="完了"><bpmn:incoming>Flow_ToDone</bpmn:incoming></bpmn:endEvent>
          <bpmn:sequenceFlow id="Flow_ToWait" sourceRef="StartEvent_Submitted" targetRef="Event_OriginalReportFixed" />
          <bpmn:sequenceFlow id="Flow_ToDone" sourceRef="Event_OriginalReportFixed" targetRef="Event_Done" />
        </bpmn:process>
        <bpmn:message id="Message_OriginalReportFixed" name="OriginalReportFixed" />
        <bpmndi:BPMNDiagram id="Diagram_MergeBystander"><bpmndi:BPMNPlane id="Plane_MergeBystander" bpmnElement="merge-bystander">
          <bpmndi:BPMNShape id="StartEvent_Submitted_di" bpmnElement="StartEvent_Submitted"><dc:Bounds x="100" y="100" width="36" height="36" /></bpmndi:BPMNShape>
          <bpmndi:BPMNShape id="Event_OriginalReportFixed_di" bpmnElement="Event_OriginalReportFixed"><dc:Bounds x="200" y="100" width="36" height="36" /></bpmndi:BPMNShape>
          <bpmndi:BPMNShape id="Event_Done_di" bpmnElement="Event_Done"><dc:Bounds x="300" y="100" width="36" height="36" /></bpmndi:BPMNShape>
          <bpmndi:BPMNEdge id="Flow_ToWait_di" bpmnElement="Flow_ToWait"><di:waypoint x="136" y="118" /><di:waypoint x="200" y="118" /></bpmndi:BPMNEdge>
          <bpmndi:BPMNEdge id="Flow_ToDone_di" bpmnElement="Flow_ToDone"><di:waypoint x="236" y="118" /><di:waypoint x="300" y="118" /></bpmndi:BPMNEdge>
        </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
      </bpmn:definitions>
      """;

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;
  @Autowired ResidentStatusService statuses;
  @Autowired Attachments attachments;
  @Autowired ManagementService management;
  @Autowired Documents documents;

  @BeforeEach
  void useEngine() {
    ProcessAssertions.init(engine);
  }

  @Test
  void shouldRouteARoadReportToTheRoadSectionWithLinksForTheClerk() {
    UUID photo = UUID.randomUUID();
    ProcessInstance instance = TenantContext.callAs(DEMO, () -> runtime.startProcessInstanceByKey(PROCESS,
        report("道路の穴・段差", true, photo)));
    assertThat(instance).isWaitingAt("Task_IssueReceipt");
    Assertions.assertThat(documentTitles(instance)).as("the receipt is issued after the report's transaction").isEmpty();
    runJobs(management, instance.getId());

    assertThat(instance).hasPassed("Task_RegisterApplication", "Task_LinkMap", "Task_RouteReport",
        "Task_NotifyReceived", "Task_IssueReceipt").isWaitingAt("Task_TriageReport");
    Assertions.assertThat(documentTitles(instance)).containsExactly(RECEIPT);
    Assertions.assertThat(documentText(instance, "receipt")).contains(RECEIPT, instance.getBusinessKey(), "道路の穴・段差");
    assertThat(task(instance)).hasCandidateGroup("road-section").hasName("通報内容の確認");
    Assertions.assertThat(task(instance).getPriority()).isEqualTo(90);
    assertThat(instance).variables()
        .containsEntry("department", "road-section")
        .containsEntry("departmentName", "道路課")
        .containsEntry("priority", "緊急")
        .containsEntry("mapUrl", "https://www.openstreetmap.org/?mlat=35.681236&mlon=139.767125#map=19/35.681236/139.767125")
        .containsEntry("uploadPageUrl", "http://localhost:" + port + "/api/demo/admin/applications/"
            + instance.getBusinessKey() + "/upload");
    Assertions.assertThat(attachmentUrls(instance))
        .containsExactly("http://localhost:" + port + "/api/demo/admin/attachments/" + photo);
    Assertions.assertThat(outboxActivities(instance)).containsExactly("Task_NotifyReceived");
    Assertions.assertThat(residentStatuses(statuses.timeline(DEMO, instance.getId()))).containsExactly("受付済み", "確認中");
  }

  @Test
  void shouldRouteAPlaygroundReportToTheParkSection() {
    ProcessInstance instance = submit(report("公園の遊具", false, UUID.randomUUID(), UUID.randomUUID()));

    assertThat(task(instance)).hasCandidateGroup("park-section");
    Assertions.assertThat(task(instance).getPriority()).isEqualTo(70);
    assertThat(instance).variables().containsEntry("departmentName", "公園緑地課").containsEntry("priority", "高");
    Assertions.assertThat(attachmentUrls(instance)).hasSize(2);
  }

  @Test
  void shouldRouteAManholeReportToTheSewerSection() {
    ProcessInstance instance = submit(report("側溝・マンホール", false, UUID.randomUUID()));

    assertThat(task(instance)).hasCandidateGroup("sewer-section");
    Assertions.assertThat(task(instance).getPriority()).isEqualTo(50);
    assertThat(instance).variables().containsEntry("departmentName", "下水道課").containsEntry("priority", "通常");
  }

  @Test
  void shouldAcceptStartAndFixWithTheAfterPhoto() {
    ProcessInstance instance = submit(report("街路灯の故障", false, UUID.randomUUID()));

    complete(task(instance), accept());
    assertThat(instance).hasPassed("Task_NotifyAccepted").isWaitingAt("Task_StartRepair");
    assertThat(task(instance)).hasCandidateGroup("road-section");
    complete(task(instance), startRepair());
    assertThat(instance).hasPassed("Task_NotifyInProgress").isWaitingAt("Task_CompleteRepair");
    addAfterPhoto(instance);
    complete(task(instance), completeRepair());

    assertThat(instance).hasPassed("Task_CheckAfterPhoto", "Task_NotifyFixed", "Task_InformMergedReports")
        .isWaitingAt("Task_IssueRepairCompletedNotice");
    runJobs(management, instance.getId());
    assertThat(instance).isEnded().hasPassed("Task_IssueRepairCompletedNotice", "Event_Fixed");
    Assertions.assertThat(documentTitles(instance)).containsExactly(RECEIPT, "補修完了のお知らせ");
    Assertions.assertThat(documentText(instance, "answer"))
        .contains("補修完了のお知らせ", "穴をアスファルトで埋めました", "補修完了日",
            TestDates.wareki(RoadDamageReports.REPAIRED_DAY))
        .doesNotContain("承認", "却下", "審査請求", "対応できない理由");
    assertThat(instance).variables().containsEntry("afterPhotoCount", 1L);
    Assertions.assertThat(outboxActivities(instance)).containsExactly("Task_NotifyReceived", "Task_NotifyAccepted",
        "Task_NotifyInProgress", "Task_NotifyFixed");
    Assertions.assertThat(residentStatuses(statuses.timeline(DEMO, instance.getId())))
        .containsExactly("受付済み", "確認中", "対応予定", "対応中", "対応完了");
  }

  @Test
  void shouldRefuseToCompleteTheRepairWithoutAnAfterPhoto() {
    ProcessInstance instance = acceptedAndStarted(report("カーブミラー", false, UUID.randomUUID()));
    String taskId = task(instance).getId();

    assertRefused(() -> tasks.complete(taskId, completeRepair()), "afterPhotoUploaded");
    assertThatThrownBy(() -> tasks.complete(taskId, completeRepair()))
        .as("the procedure's own words for the clerk").hasStackTraceContaining("補修後の写真がまだアップロードされていません");

    assertThat(instance).isWaitingAt("Task_CompleteRepair");
  }

  @Test
  void shouldRejectWithTheReason() {
    ProcessInstance instance = submit(report("その他", false, UUID.randomUUID()));
    assertThat(task(instance)).hasCandidateGroup("road-section");

    complete(task(instance), reject());

    assertThat(instance).hasPassed("Task_NotifyRejected").isWaitingAt("Task_IssueRejectionNotice");
    runJobs(management, instance.getId());
    assertThat(instance).isEnded().hasPassed("Task_IssueRejectionNotice", "Event_Rejected");
    Assertions.assertThat(documentTitles(instance)).containsExactly(RECEIPT, "通報への回答（対応できない旨のお知らせ）");
    Assertions.assertThat(documentText(instance, "answer"))
        .contains("対応できない旨のお知らせ", "対応できない理由", "国道のため、国道事務所に連絡しました。")
        .as("a report is not a decision that can be appealed").doesNotContain("却下", "審査請求");
    Assertions.assertThat(residentStatuses(statuses.timeline(DEMO, instance.getId())))
        .containsExactly("受付済み", "確認中", "管轄外");
  }

  @Test
  void shouldMergeADuplicateAndTellItsResidentWhenTheOriginalIsFixed() {
    ProcessInstance original = acceptedAndStarted(report("道路の亀裂", false, UUID.randomUUID()));
    ProcessInstance duplicate = submit(report("道路の亀裂", false, UUID.randomUUID()));
    ProcessInstance secondDuplicate = submit(report("道路の穴・段差", true, UUID.randomUUID()));

    complete(task(duplicate), duplicateOf(original.getBusinessKey()));
    complete(task(secondDuplicate), duplicateOf(original.getBusinessKey()));

    assertThat(duplicate).hasPassed("Task_MergeDuplicate", "Task_NotifyMerged").isWaitingAt("Event_OriginalReportFixed");
    Assertions.assertThat(residentStatuses(statuses.timeline(DEMO, duplicate.getId())))
        .containsExactly("受付済み", "確認中", "重複として統合");
    addAfterPhoto(original);
    complete(task(original), completeRepair());
    runJobs(management, original.getId());

    assertThat(original).isEnded();
    Assertions.assertThat(documentTitles(original)).containsExactly(RECEIPT, "補修完了のお知らせ");
    for (ProcessInstance merged : List.of(duplicate, secondDuplicate)) {
      assertThat(merged).isEnded().hasPassed("Task_NotifyOriginalFixed", "Event_MergedReportFixed");
      Assertions.assertThat(documentTitles(merged)).as("no document of their own besides the receipt")
          .containsExactly(RECEIPT);
      Assertions.assertThat(outboxActivities(merged))
          .containsExactly("Task_NotifyReceived", "Task_NotifyMerged", "Task_NotifyOriginalFixed");
      Assertions.assertThat(residentStatuses(statuses.timeline(DEMO, merged.getId())))
          .containsExactly("受付済み", "確認中", "重複として統合", "対応完了");
    }
  }

  @Test
  void shouldTellOnlyTheMergedReportsNotAnotherProcedureWaitingForTheSameMessage() {
    ProcessInstance original = acceptedAndStarted(report("道路の亀裂", false, UUID.randomUUID()));
    ProcessInstance duplicate = submit(report("道路の亀裂", false, UUID.randomUUID()));
    complete(task(duplicate), duplicateOf(original.getBusinessKey()));
    repository.createDeployment().name(BYSTANDER).tenantId(DEMO)
        .addString(BYSTANDER + ".bpmn", BYSTANDER_BPMN).addString("apply.form", BYSTANDER_FORM).deploy();
    ProcessInstance bystander = TenantContext.callAs(DEMO, () -> runtime.startProcessInstanceByKey(BYSTANDER,
        Map.of("duplicateOf", original.getBusinessKey())));
    assertThat(bystander).isWaitingAt("Event_OriginalReportFixed");

    addAfterPhoto(original);
    complete(task(original), completeRepair());

    assertThat(duplicate).isEnded().hasPassed("Task_NotifyOriginalFixed");
    // another procedure of the tenant, though it waits for OriginalReportFixed with that number
    assertThat(bystander).isWaitingAt("Event_OriginalReportFixed");
  }

  @Test
  void shouldRefuseADuplicateOfAReportThatIsUnknownNotAcceptedOrItself() {
    ProcessInstance inTriage = submit(report("道路の亀裂", false, UUID.randomUUID()));
    ProcessInstance rejected = submit(report("道路の亀裂", false, UUID.randomUUID()));
    complete(task(rejected), reject());
    runJobs(management, rejected.getId());
    ProcessInstance otherProcedure = TenantContext.callAs(DEMO, () -> runtime.startProcessInstanceByKey(
        "bulky-waste-collection", jp.madoguchi.BulkyWasteApplications.valid()));
    ProcessInstance otherTenant = TenantContext.callAs(KITA, () -> runtime.startProcessInstanceByKey(PROCESS,
        report("道路の亀裂", false, UUID.randomUUID())));
    runJobs(management, otherTenant.getId());
    complete(task(otherTenant), accept());
    complete(task(otherTenant), startRepair());
    ProcessInstance instance = submit(report("道路の亀裂", false, UUID.randomUUID()));
    String taskId = task(instance).getId();

    for (String number : List.of("2099-999999", inTriage.getBusinessKey(), rejected.getBusinessKey(),
        otherProcedure.getBusinessKey(), instance.getBusinessKey())) {
      assertRefused(() -> tasks.complete(taskId, duplicateOf(number)), "duplicateOf");
    }
    // numbers are counted per tenant: kita's open report says something only if demo has no report of that number
    if (jdbc.queryForObject("SELECT count(*) FROM application WHERE tenant_id = ? AND number = ? AND procedure_key = ?",
        Long.class, DEMO, otherTenant.getBusinessKey(), PROCESS) == 0) {
      assertRefused(() -> tasks.complete(taskId, duplicateOf(otherTenant.getBusinessKey())), "duplicateOf");
    }
    assertRefused(() -> tasks.complete(taskId, duplicateOf("not-a-number")), "duplicateOf");
    assertThatThrownBy(() -> tasks.complete(taskId, duplicateOf(rejected.getBusinessKey())))
        .hasStackTraceContaining("受付番号 " + rejected.getBusinessKey() + " の通報は対応予定・対応中ではありません");
    assertThatThrownBy(() -> tasks.complete(taskId, duplicateOf(otherProcedure.getBusinessKey())))
        .hasStackTraceContaining("この手続の申請は見つかりません");
    assertThat(instance).isWaitingAt("Task_TriageReport");
  }

  @Test
  void shouldEndWithdrawnWhenTheResidentWithdrawsBeforeTriage() {
    ProcessInstance instance = submit(report("ガードレール", false, UUID.randomUUID()));

    runtime.createMessageCorrelation("WithdrawalRequested").processInstanceId(instance.getId()).correlate();

    assertThat(instance).isEnded().hasPassed("Event_WithdrawalDuringTriage", "Task_NotifyWithdrawn", "Event_Withdrawn");
    Assertions.assertThat(documentTitles(instance)).containsExactly(RECEIPT);
    Assertions.assertThat(residentStatuses(statuses.timeline(DEMO, instance.getId())))
        .containsExactly("受付済み", "確認中", "取下げ");
  }

  @Test
  void shouldRefuseAReportWithoutPhotosOrWithMoreThanThree() {
    VariableMap none = report("道路の亀裂", false);
    none.remove("photos");
    VariableMap four = report("道路の亀裂", false, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
        UUID.randomUUID());

    for (VariableMap invalid : List.of(none, four)) {
      assertThatThrownBy(() -> submit(invalid)).isInstanceOf(InvalidFormException.class).hasMessageContaining("photos");
    }
  }

  @Test
  void shouldRouteAReportWithoutPositionOrDangerFlagWithoutAMapLink() {
    VariableMap typedAddressOnly = report("道路の亀裂", false, UUID.randomUUID());
    typedAddressOnly.remove("latitude");
    typedAddressOnly.remove("longitude");
    typedAddressOnly.remove("dangerous");

    ProcessInstance instance = submit(typedAddressOnly);

    assertThat(instance).hasPassed("Task_LinkMap").isWaitingAt("Task_TriageReport");
    assertThat(instance).variables().doesNotContainKey("mapUrl").containsEntry("priority", "通常");
    Assertions.assertThat(task(instance).getPriority()).isEqualTo(50);
  }

  @Test
  void shouldRefuseALocationOutsideJapan() {
    VariableMap paris = report("道路の亀裂", false, UUID.randomUUID()).putValue("latitude", 48.8566)
        .putValue("longitude", 2.3522);

    assertThatThrownBy(() -> submit(paris)).isInstanceOf(InvalidFormException.class)
        .hasMessageContaining("latitude").hasMessageContaining("longitude");
  }

  /** Refused as a form error (400 through the REST API), whether a step or the form check refused it. */
  private static void assertRefused(Runnable completion, String field) {
    assertThatThrownBy(completion::run).satisfies(thrown -> {
      Throwable cause = thrown;
      while (!(cause instanceof InvalidFormException) && cause.getCause() != null) {
        cause = cause.getCause();
      }
      Assertions.assertThat(cause).isInstanceOf(InvalidFormException.class);
      Assertions.assertThat(((InvalidFormException) cause).getViolations()).extracting("field").containsExactly(field);
    });
  }

  private ProcessInstance acceptedAndStarted(VariableMap variables) {
    ProcessInstance instance = submit(variables);
    complete(task(instance), accept());
    complete(task(instance), startRepair());
    assertThat(instance).isWaitingAt("Task_CompleteRepair");
    return instance;
  }

  /** Submitted and past the asynchronous receipt, waiting for the triage. */
  private ProcessInstance submit(VariableMap variables) {
    ProcessInstance instance = TenantContext.callAs(DEMO, () -> runtime.startProcessInstanceByKey(PROCESS, variables));
    runJobs(management, instance.getId());
    return instance;
  }

  private List<String> attachmentUrls(ProcessInstance instance) {
    List<String> urls = new java.util.ArrayList<>();
    ((SpinJsonNode) runtime.getVariable(instance.getId(), "attachmentLinks")).elements()
        .forEach(link -> urls.add(link.prop("url").stringValue()));
    return urls;
  }

  private List<String> documentTitles(ProcessInstance instance) {
    return IssuedDocuments.titles(jdbc, instance);
  }

  private String documentText(ProcessInstance instance, String layout) {
    return IssuedDocuments.text(jdbc, documents, instance, layout);
  }

  private org.camunda.bpm.engine.task.Task task(ProcessInstance instance) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  private void addAfterPhoto(ProcessInstance instance) {
    UUID applicationId = UUID.fromString((String) runtime.getVariable(instance.getId(), "applicationId"));
    attachments.storeForStaff(DEMO, "demo-road", applicationId, "after.png", png());
  }

  static byte[] png() {
    try {
      var out = new ByteArrayOutputStream();
      ImageIO.write(new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB), "png", out);
      return out.toByteArray();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<String> outboxActivities(ProcessInstance instance) {
    return jdbc.queryForList("SELECT activity_id FROM notification_outbox WHERE process_instance_id = ? "
        + "ORDER BY created_at, activity_id", String.class, instance.getId());
  }
}
