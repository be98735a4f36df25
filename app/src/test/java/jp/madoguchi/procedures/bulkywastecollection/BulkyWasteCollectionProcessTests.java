package jp.madoguchi.procedures.bulkywastecollection;

import static jp.madoguchi.BulkyWasteApplications.approval;
import static jp.madoguchi.BulkyWasteApplications.documents;
import static jp.madoguchi.BulkyWasteApplications.rejection;
import static jp.madoguchi.BulkyWasteApplications.residentStatuses;
import static jp.madoguchi.BulkyWasteApplications.returnForCorrection;
import static jp.madoguchi.BulkyWasteApplications.valid;
import static jp.madoguchi.ProcessAssertions.assertThat;
import static jp.madoguchi.ProcessAssertions.complete;
import static jp.madoguchi.ProcessAssertions.execute;
import static jp.madoguchi.ProcessAssertions.job;
import static jp.madoguchi.ProcessAssertions.task;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import jp.madoguchi.procedure.TenantContext;
import jp.madoguchi.procedure.InvalidFormException;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.IssuedDocuments;
import jp.madoguchi.ProcessAssertions;
import jp.madoguchi.ProcessCoverage;
import jp.madoguchi.TestDates;
import jp.madoguchi.application.ResidentStatusService;
import jp.madoguchi.document.Documents;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every path of 粗大ごみ収集申込, on the real engine and database. */
@ProcessCoverage("bulky-waste-collection")
class BulkyWasteCollectionProcessTests extends IntegrationTest {

  private static final String PROCESS = "bulky-waste-collection";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;
  @Autowired ResidentStatusService statuses;
  @Autowired Documents documentsService;

  @BeforeEach
  void useEngine() {
    ProcessAssertions.init(engine);
  }

  @Test
  void shouldRegisterTheApplicationQueueTheReceiptAndWaitForReview() {
    ProcessInstance instance = submit();

    assertThat(instance).hasPassed("Task_RegisterApplication", "Task_NotifyReceived").isWaitingAt("Task_IssueReceipt");
    Assertions.assertThat(documents(jdbc, instance)).as("the receipt is issued after the submission's transaction").isEmpty();
    execute(job());
    assertThat(instance).hasPassed("Task_IssueReceipt").isWaitingAt("Task_ReviewApplication");
    Assertions.assertThat(documents(jdbc, instance)).containsExactly("receipt");
    Assertions.assertThat(instance.getTenantId()).isEqualTo(DEMO);
    Assertions.assertThat(instance.getBusinessKey()).matches("20\\d\\d-\\d{6}");
    assertThat(instance).variables().containsEntry("applicationNumber", instance.getBusinessKey());
    assertThat(task()).hasCandidateGroup("waste-section").hasName("申込内容の審査");
    Assertions.assertThat(outboxActivities(instance)).containsExactly("Task_NotifyReceived");
    Assertions.assertThat(residentStatuses(statuses.timeline(DEMO, instance.getId()))).containsExactly("受付済み", "審査中");
  }

  @Test
  void shouldKeepThePayloadEncrypted() {
    ProcessInstance instance = submit();

    byte[] payload = jdbc.queryForObject("SELECT payload FROM application WHERE process_instance_id = ?",
        byte[].class, instance.getId());
    Assertions.assertThat(new String(payload, StandardCharsets.ISO_8859_1))
        .doesNotContain("090-1234-5678")
        .doesNotContain(new String("デモ市中央".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
  }

  @Test
  void shouldApproveAndRemindTheResidentTheDayBeforeCollection() {
    ProcessInstance instance = submitAndWaitForReview();

    String collectionDay = TestDates.daysAhead(14);
    complete(task(), approval(collectionDay));

    assertThat(instance).isWaitingAt("Task_IssueApprovalNotice");
    execute(job());
    assertThat(instance).isWaitingAt("Event_DayBeforeCollection");
    Assertions.assertThat(documents(jdbc, instance)).containsExactly("receipt", "approval-notice");
    Assertions.assertThat(documentText(instance, "approval-notice")).contains("承認通知書", TestDates.wareki(collectionDay),
        "T-2026-0001");
    Assertions.assertThat(job().getDuedate().toInstant())
        .isEqualTo(LocalDate.parse(collectionDay).minusDays(1).atTime(9, 0).atZone(TestDates.JST).toInstant());
    execute(job());

    assertThat(instance).isEnded().hasPassed("Task_NotifyReminder", "Event_CollectionScheduled");
    Assertions.assertThat(outboxActivities(instance))
        .containsExactly("Task_NotifyReceived", "Task_NotifyApproved", "Task_NotifyReminder");
    Assertions.assertThat(residentStatuses(statuses.timeline(DEMO, instance.getId())))
        .containsExactly("受付済み", "審査中", "承認");
  }

  @Test
  void shouldRejectWithTheReason() {
    ProcessInstance instance = submitAndWaitForReview();

    complete(task(), rejection());

    assertThat(instance).isWaitingAt("Task_IssueRejectionNotice");
    execute(job());
    assertThat(instance).isEnded().hasPassed("Task_NotifyRejected", "Task_IssueRejectionNotice", "Event_Rejected");
    Assertions.assertThat(documents(jdbc, instance)).containsExactly("receipt", "rejection-notice");
    Assertions.assertThat(documentText(instance, "rejection-notice")).contains("却下通知書", "家電リサイクル法の対象品目");
    Assertions.assertThat(residentStatuses(statuses.timeline(DEMO, instance.getId())))
        .containsExactly("受付済み", "審査中", "却下");
  }

  @Test
  void shouldReturnForCorrectionAndReviewAgainAfterTheResidentResubmits() {
    ProcessInstance instance = submitAndWaitForReview();

    complete(task(), returnForCorrection());
    assertThat(instance).isWaitingAt("Gateway_AwaitCorrection");

    runtime.createMessageCorrelation("CorrectionSubmitted")
        .processInstanceBusinessKey(instance.getBusinessKey())
        .tenantId(DEMO)
        .setVariable("address", "デモ市中央1-2-4")
        .correlate();

    assertThat(instance).isWaitingAt("Task_ReviewApplication");
    assertThat(instance).variables().containsEntry("address", "デモ市中央1-2-4");
    complete(task(), approval(TestDates.daysAhead(24)));
    execute(job());
    assertThat(instance).isWaitingAt("Event_DayBeforeCollection");
    Assertions.assertThat(documents(jdbc, instance)).containsExactly("receipt", "approval-notice");
    Assertions.assertThat(residentStatuses(statuses.timeline(DEMO, instance.getId())))
        .containsExactly("受付済み", "審査中", "差戻し中", "審査中", "承認");
  }

  @Test
  void shouldWithdrawWhenNoCorrectionArrivesWithinFourteenDays() {
    ProcessInstance instance = submitAndWaitForReview();
    complete(task(), returnForCorrection());

    execute(job("Event_CorrectionDeadline"));

    assertThat(instance).isEnded().hasPassed("Task_NotifyCorrectionExpired", "Event_CorrectionExpired")
        .hasNotPassed("Event_CorrectionSubmitted");
    Assertions.assertThat(documents(jdbc, instance)).containsExactly("receipt");
    Assertions.assertThat(residentStatuses(statuses.timeline(DEMO, instance.getId())))
        .containsExactly("受付済み", "審査中", "差戻し中", "取下げ");
  }

  @Test
  void shouldEndWithdrawnWhenTheResidentWithdrawsDuringReview() {
    ProcessInstance instance = submitAndWaitForReview();

    withdraw(instance);

    assertThat(instance).isEnded().hasPassed("Event_WithdrawalDuringReview", "Event_Withdrawn")
        .hasNotPassed("Gateway_Decision");
    Assertions.assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
    Assertions.assertThat(residentStatuses(statuses.timeline(DEMO, instance.getId())))
        .containsExactly("受付済み", "審査中", "取下げ");
  }

  @Test
  void shouldEndWithdrawnWhenTheResidentWithdrawsInsteadOfCorrecting() {
    ProcessInstance instance = submitAndWaitForReview();
    complete(task(), returnForCorrection());

    withdraw(instance);

    assertThat(instance).isEnded().hasPassed("Event_WithdrawalDuringCorrection", "Event_Withdrawn")
        .hasNotPassed("Event_CorrectionSubmitted");
    Assertions.assertThat(residentStatuses(statuses.timeline(DEMO, instance.getId())))
        .containsExactly("受付済み", "審査中", "差戻し中", "取下げ");
  }

  @Test
  void shouldNotOfferWithdrawalOnceApproved() {
    ProcessInstance instance = submitAndWaitForReview();
    complete(task(), approval(TestDates.daysAhead(14)));

    Assertions.assertThat(runtime.createEventSubscriptionQuery().processInstanceId(instance.getId())
        .eventName("WithdrawalRequested").count()).isZero();
  }

  @Test
  void shouldRefuseADecisionWithoutItsRequiredFields() {
    ProcessInstance instance = submitAndWaitForReview();
    String taskId = task().getId();

    // the engine wraps a task listener's exception; the REST API unwraps it into a 400
    assertThatThrownBy(() -> tasks.complete(taskId, java.util.Map.of("decision", "approve", "fee", 1200L)))
        .hasRootCauseInstanceOf(InvalidFormException.class)
        .hasMessageContaining("collectionDate")
        .hasMessageContaining("ticketNumber");

    assertThat(instance).isWaitingAt("Task_ReviewApplication");
  }

  @Test
  void shouldRefuseAnInvalidApplicationAndLeaveNothingBehind() {
    long applications = count("SELECT count(*) FROM application");
    long instances = engine.getHistoryService().createHistoricProcessInstanceQuery().count();
    var invalid = valid().putValue("phone", "not a phone").putValue("unexpected", "x");
    invalid.remove("address");

    assertThatThrownBy(() -> TenantContext.callAs(DEMO, () -> runtime.startProcessInstanceByKey(PROCESS, invalid)))
        .isInstanceOf(InvalidFormException.class)
        .hasMessageContaining("address")
        .hasMessageContaining("phone")
        .hasMessageContaining("unexpected");

    Assertions.assertThat(count("SELECT count(*) FROM application")).isEqualTo(applications);
    Assertions.assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().count()).isEqualTo(instances);
  }

  @Test
  void shouldRefuseAStartWithoutTenant() {
    // refused at the first value it would have to store: personal data is only ever encrypted with a tenant's key
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(PROCESS, valid()))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("tenant");
  }

  private void withdraw(ProcessInstance instance) {
    runtime.createMessageCorrelation("WithdrawalRequested").processInstanceId(instance.getId()).correlate();
  }

  private ProcessInstance submit() {
    return TenantContext.callAs(DEMO, () -> runtime.startProcessInstanceByKey(PROCESS, valid()));
  }

  private ProcessInstance submitAndWaitForReview() {
    ProcessInstance instance = submit();
    assertThat(instance).isWaitingAt("Task_IssueReceipt");
    execute(job());
    assertThat(instance).isWaitingAt("Task_ReviewApplication");
    return instance;
  }

  private String documentText(ProcessInstance instance, String layout) {
    return IssuedDocuments.text(jdbc, documentsService, instance, layout);
  }

  private List<String> outboxActivities(ProcessInstance instance) {
    return jdbc.queryForList("SELECT activity_id FROM notification_outbox WHERE process_instance_id = ? "
        + "ORDER BY created_at, activity_id", String.class, instance.getId());
  }

  private long count(String sql) {
    return jdbc.queryForObject(sql, Long.class);
  }
}
