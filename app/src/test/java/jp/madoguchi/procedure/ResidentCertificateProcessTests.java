package jp.madoguchi.procedure;

import static jp.madoguchi.BulkyWasteApplications.residentStatuses;
import static jp.madoguchi.ProcessAssertions.assertThat;
import static jp.madoguchi.ProcessAssertions.complete;
import static jp.madoguchi.ProcessAssertions.execute;
import static jp.madoguchi.ProcessAssertions.job;
import static jp.madoguchi.ProcessAssertions.task;
import static jp.madoguchi.ResidentCertificateApplications.approval;
import static jp.madoguchi.ResidentCertificateApplications.assureIdentity;
import static jp.madoguchi.ResidentCertificateApplications.atCounter;
import static jp.madoguchi.ResidentCertificateApplications.byMail;
import static jp.madoguchi.ResidentCertificateApplications.rejection;
import static jp.madoguchi.ResidentCertificateApplications.returnForCorrection;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import jp.madoguchi.IntegrationTest;
import jp.madoguchi.IssuedDocuments;
import jp.madoguchi.ProcessAssertions;
import jp.madoguchi.ProcessCoverage;
import jp.madoguchi.ResidentCertificateApplications;
import jp.madoguchi.application.ResidentStatusService;
import jp.madoguchi.document.Documents;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every path of 住民票の写し等の交付請求, on the real engine and database. */
@ProcessCoverage("resident-certificate")
class ResidentCertificateProcessTests extends IntegrationTest {

  private static final String RESIDENT = "U0000000000000000000000000000rc01";
  private static final String RECEIPT = "受付票";
  private static final String DECISION = "住民票の写し等交付決定通知書";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;
  @Autowired ResidentStatusService statuses;
  @Autowired Documents documents;

  @BeforeEach
  void useEngine() {
    ProcessAssertions.init(engine);
  }

  @Test
  void shouldRegisterTheRequestIssueTheReceiptAndAskForIdentityAssurance() {
    ProcessInstance instance = start(byMail(RESIDENT));

    assertThat(instance).hasPassed("Task_RegisterApplication", "Task_NotifyReceived").isWaitingAt("Task_IssueReceipt");
    Assertions.assertThat(titles(instance)).as("the receipt is issued after the request's transaction").isEmpty();
    execute(job());

    assertThat(instance).hasPassed("Task_IssueReceipt", "Task_RequestIdentityAssurance", "Task_NotifyIdentityRequested")
        .isWaitingAt("Gateway_AwaitIdentity");
    Assertions.assertThat(titles(instance)).containsExactly(RECEIPT);
    Assertions.assertThat(IssuedDocuments.text(jdbc, documents, instance, "receipt"))
        .contains(RECEIPT, "住民票の写し等の交付請求", instance.getBusinessKey(), "世帯全員");
    Assertions.assertThat(jdbc.queryForObject("SELECT status FROM identity_request WHERE process_instance_id = ?",
        String.class, instance.getId())).isEqualTo("REQUESTED");
    Assertions.assertThat(outboxActivities(instance))
        .containsExactlyInAnyOrder("Task_NotifyReceived", "Task_NotifyIdentityRequested");
    Assertions.assertThat(timeline(instance)).containsExactly("受付済み", "本人確認待ち");
  }

  @Test
  void shouldMailTheCopiesWithATrackingNumberOnceTheFeeIsPaid() {
    ProcessInstance instance = reviewed(byMail(RESIDENT));
    assertThat(task()).hasCandidateGroup("citizen-section").hasName("請求内容の審査");

    complete(task(), approval());

    assertThat(instance).isWaitingAt("Gateway_AwaitPayment");
    Assertions.assertThat(jdbc.queryForMap("SELECT amount, status, description FROM payment WHERE process_instance_id = ?",
        instance.getId())).containsEntry("amount", 600).containsEntry("status", "REQUESTED")
        .as("the description is made from the request's data: stored encrypted").containsEntry("description", null);
    pay(instance);

    assertThat(instance).hasPassed("Task_NotifyPaid").isWaitingAt("Task_IssueApprovalNotice");
    execute(job());
    assertThat(instance).isWaitingAt("Task_EnterTrackingNumber");
    Assertions.assertThat(titles(instance)).containsExactly(RECEIPT, DECISION);
    Assertions.assertThat(IssuedDocuments.text(jdbc, documents, instance, "approval-notice"))
        .contains(DECISION, "請求するもの", "住民票の写し", "通数", "郵送で受け取る", "納付済みの手数料（円）", "600");
    assertThat(task()).hasCandidateGroup("citizen-section");
    complete(task(), Map.of("trackingNumber", "1234-5678-9012"));

    assertThat(instance).isEnded().hasPassed("Task_NotifyPaid", "Task_IssueApprovalNotice", "Task_NotifyMailed",
        "Event_Mailed");
    Assertions.assertThat(titles(instance)).containsExactly(RECEIPT, DECISION);
    Assertions.assertThat(timeline(instance))
        .containsExactly("受付済み", "本人確認待ち", "審査中", "支払待ち", "支払済み", "発送準備中", "交付済み");
    Assertions.assertThat(outboxActivities(instance)).endsWith("Task_NotifyPaid", "Task_NotifyMailed");
  }

  @Test
  void shouldTellTheResidentToPickUpAndRecordTheHandOver() {
    ProcessInstance instance = reviewed(atCounter(RESIDENT));
    complete(task(), approval());
    Assertions.assertThat(jdbc.queryForObject("SELECT amount FROM payment WHERE process_instance_id = ?",
        Integer.class, instance.getId())).isEqualTo(300);
    pay(instance);
    execute(job());

    assertThat(instance).hasPassed("Task_IssueApprovalNotice", "Task_NotifyReadyForPickup")
        .isWaitingAt("Task_ConfirmHandover");
    Assertions.assertThat(titles(instance)).containsExactly(RECEIPT, DECISION);
    Assertions.assertThat(IssuedDocuments.text(jdbc, documents, instance, "approval-notice"))
        .contains(DECISION, "窓口で受け取る");
    complete(task(), Map.of("handedOver", true));

    assertThat(instance).isEnded().hasPassed("Event_HandedOver").hasNotPassed("Task_EnterTrackingNumber");
    Assertions.assertThat(timeline(instance))
        .containsExactly("受付済み", "本人確認待ち", "審査中", "支払待ち", "支払済み", "受取待ち", "交付済み");
  }

  @Test
  void shouldRefuseAHandOverThatWasNotConfirmed() {
    ProcessInstance instance = reviewed(atCounter(RESIDENT));
    complete(task(), approval());
    pay(instance);
    execute(job());
    String taskId = task().getId();

    assertThatThrownBy(() -> tasks.complete(taskId, Map.of("handedOver", false)))
        .hasRootCauseInstanceOf(InvalidFormException.class);
    assertThat(instance).isWaitingAt("Task_ConfirmHandover");
  }

  @Test
  void shouldRejectWithTheReason() {
    ProcessInstance instance = reviewed(byMail(RESIDENT));

    complete(task(), rejection());

    assertThat(instance).hasPassed("Task_NotifyRejected").isWaitingAt("Task_IssueRejectionNotice");
    execute(job());
    assertThat(instance).isEnded().hasPassed("Task_IssueRejectionNotice", "Event_Rejected")
        .hasNotPassed("Task_RequestPayment");
    Assertions.assertThat(titles(instance)).containsExactly(RECEIPT, "却下通知書");
    Assertions.assertThat(IssuedDocuments.text(jdbc, documents, instance, "rejection-notice"))
        .contains("却下通知書", "請求できる方の範囲を超えています。", "審査請求");
    Assertions.assertThat(timeline(instance)).containsExactly("受付済み", "本人確認待ち", "審査中", "却下");
  }

  @Test
  void shouldReturnForCorrectionAndReviewAgainAfterTheResidentResubmits() {
    ProcessInstance instance = reviewed(byMail(RESIDENT));
    complete(task(), returnForCorrection());
    assertThat(instance).isWaitingAt("Gateway_AwaitCorrection");

    runtime.createMessageCorrelation("CorrectionSubmitted").processInstanceId(instance.getId())
        .setVariable("purpose", "other").setVariable("purposeDetail", "奨学金の申請").correlate();

    assertThat(instance).hasPassed("Task_NotifyResubmitted").isWaitingAt("Task_ReviewApplication");
    complete(task(), approval());
    assertThat(instance).isWaitingAt("Gateway_AwaitPayment");
    Assertions.assertThat(titles(instance)).containsExactly(RECEIPT);
    Assertions.assertThat(timeline(instance))
        .containsExactly("受付済み", "本人確認待ち", "審査中", "差戻し中", "審査中", "支払待ち");
  }

  @Test
  void shouldWithdrawWhenNoCorrectionArrivesWithinFourteenDays() {
    ProcessInstance instance = reviewed(byMail(RESIDENT));
    complete(task(), returnForCorrection());

    execute(job("Event_CorrectionDeadline"));

    assertThat(instance).isEnded().hasPassed("Task_NotifyCorrectionExpired", "Event_CorrectionExpired");
    Assertions.assertThat(timeline(instance)).containsExactly("受付済み", "本人確認待ち", "審査中", "差戻し中", "取下げ");
  }

  @Test
  void shouldEndWithdrawnWhenTheResidentWithdrawsDuringReview() {
    ProcessInstance instance = reviewed(byMail(RESIDENT));

    withdraw(instance);

    assertThat(instance).isEnded().hasPassed("Event_WithdrawalDuringReview", "Event_Withdrawn")
        .hasNotPassed("Gateway_Decision");
    Assertions.assertThat(titles(instance)).containsExactly(RECEIPT);
    Assertions.assertThat(timeline(instance)).containsExactly("受付済み", "本人確認待ち", "審査中", "取下げ");
  }

  @Test
  void shouldEndWithdrawnWhenTheResidentWithdrawsInsteadOfCorrecting() {
    ProcessInstance instance = reviewed(byMail(RESIDENT));
    complete(task(), returnForCorrection());

    withdraw(instance);

    assertThat(instance).isEnded().hasPassed("Event_WithdrawalDuringCorrection", "Event_Withdrawn")
        .hasNotPassed("Event_CorrectionSubmitted");
  }

  @Test
  void shouldAskForANewPaymentAfterAFailedOne() {
    ProcessInstance instance = reviewed(byMail(RESIDENT));
    complete(task(), approval());

    runtime.createMessageCorrelation("PaymentFailed").processInstanceId(instance.getId()).correlate();

    assertThat(instance).hasPassed("Event_PaymentFailed", "Task_NotifyPaymentFailed").isWaitingAt("Gateway_AwaitPayment");
    Assertions.assertThat(jdbc.queryForObject("SELECT count(*) FROM payment WHERE process_instance_id = ?",
        Long.class, instance.getId())).isEqualTo(2);
    pay(instance);
    assertThat(instance).isWaitingAt("Task_IssueApprovalNotice");
  }

  @Test
  void shouldCancelTheRequestWhenTheFeeIsNotPaidWithinThreeDays() {
    ProcessInstance instance = reviewed(byMail(RESIDENT));
    complete(task(), approval());

    execute(job("Event_PaymentDeadline"));

    assertThat(instance).isEnded().hasPassed("Task_CancelPayment", "Task_NotifyPaymentExpired", "Event_PaymentExpired");
    Assertions.assertThat(jdbc.queryForObject("SELECT status FROM payment WHERE process_instance_id = ?",
        String.class, instance.getId())).isEqualTo("EXPIRED");
    Assertions.assertThat(timeline(instance)).containsExactly("受付済み", "本人確認待ち", "審査中", "支払待ち", "取下げ");
    Assertions.assertThat(outboxActivities(instance)).endsWith("Task_NotifyPaymentExpired");
    Assertions.assertThat(titles(instance)).containsExactly(RECEIPT);
  }

  @Test
  void shouldEndWhenTheIdentityIsNotAssuredWithinSevenDays() {
    ProcessInstance instance = ResidentCertificateApplications.awaitingIdentity(runtime, management, byMail(RESIDENT));
    assertThat(instance).isWaitingAt("Gateway_AwaitIdentity");

    execute(job("Event_IdentityDeadline"));

    assertThat(instance).isEnded().hasPassed("Task_NotifyIdentityExpired", "Event_IdentityExpired")
        .hasNotPassed("Task_ReviewApplication");
    Assertions.assertThat(titles(instance)).containsExactly(RECEIPT);
    Assertions.assertThat(timeline(instance)).containsExactly("受付済み", "本人確認待ち", "取下げ");
  }

  @Test
  void shouldRefuseARequestByMailWithoutAnAddressOrWithTooManyCopies() {
    VariableMap invalid = byMail(RESIDENT).putValue("copies", 11L);
    invalid.remove("mailingAddress");

    assertThatThrownBy(() -> start(invalid))
        .isInstanceOf(InvalidFormException.class)
        .hasMessageContaining("mailingAddress")
        .hasMessageContaining("copies");
  }

  @Test
  void shouldNeedTheDetailsWhenThePurposeIsOther() {
    assertThatThrownBy(() -> start(byMail(RESIDENT).putValue("purpose", "other")))
        .isInstanceOf(InvalidFormException.class)
        .hasMessageContaining("purposeDetail");
  }

  private ProcessInstance start(VariableMap variables) {
    return ResidentCertificateApplications.start(runtime, variables);
  }

  private ProcessInstance reviewed(VariableMap variables) {
    ProcessInstance instance = ResidentCertificateApplications.awaitingIdentity(runtime, management, variables);
    assureIdentity(runtime, instance);
    assertThat(instance).isWaitingAt("Task_ReviewApplication");
    return instance;
  }

  private void pay(ProcessInstance instance) {
    runtime.createMessageCorrelation("PaymentCompleted").processInstanceId(instance.getId()).correlate();
  }

  private void withdraw(ProcessInstance instance) {
    runtime.createMessageCorrelation("WithdrawalRequested").processInstanceId(instance.getId()).correlate();
  }

  private List<String> titles(ProcessInstance instance) {
    return IssuedDocuments.titles(jdbc, instance);
  }

  private List<String> timeline(ProcessInstance instance) {
    return residentStatuses(statuses.timeline(DEMO, instance.getId()));
  }

  private List<String> outboxActivities(ProcessInstance instance) {
    return jdbc.queryForList("SELECT activity_id FROM notification_outbox WHERE process_instance_id = ? "
        + "ORDER BY created_at, activity_id", String.class, instance.getId());
  }
}
