package jp.madoguchi.procedures.childallowance;

import static jp.madoguchi.BulkyWasteApplications.documents;
import static jp.madoguchi.BulkyWasteApplications.residentStatuses;
import static jp.madoguchi.BulkyWasteApplications.runJobs;
import static jp.madoguchi.ChildAllowanceApplications.approvalProposal;
import static jp.madoguchi.ChildAllowanceApplications.chiefApproval;
import static jp.madoguchi.ChildAllowanceApplications.chiefSendBack;
import static jp.madoguchi.ChildAllowanceApplications.rejection;
import static jp.madoguchi.ChildAllowanceApplications.returnForCorrection;
import static jp.madoguchi.ProcessAssertions.assertThat;
import static jp.madoguchi.ProcessAssertions.complete;
import static jp.madoguchi.ProcessAssertions.execute;
import static jp.madoguchi.ProcessAssertions.job;
import static jp.madoguchi.ProcessAssertions.task;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.madoguchi.procedure.InvalidFormException;
import jp.madoguchi.procedure.TenantContext;
import jp.madoguchi.ChildAllowanceApplications;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.IssuedDocuments;
import jp.madoguchi.LineIdTokens;
import jp.madoguchi.ProcessAssertions;
import jp.madoguchi.ProcessCoverage;
import jp.madoguchi.application.ResidentApplicationCommands;
import jp.madoguchi.application.ResidentStatusService;
import jp.madoguchi.document.Documents;
import jp.madoguchi.tenant.TenantKeys;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every path of 児童手当 認定請求, on the real engine and database. */
@ProcessCoverage("child-allowance")
class ChildAllowanceProcessTests extends IntegrationTest {

  private static final String PROCESS = "child-allowance";
  private static final ZoneId JST = ZoneId.of("Asia/Tokyo");
  private static final String RECEIPT = "受付票";
  private static final String CERTIFICATION = "児童手当認定通知書";
  private static final String REJECTION = "児童手当認定請求却下通知書";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired Documents documentsService;
  @Autowired JdbcTemplate jdbc;
  @Autowired ResidentStatusService statuses;
  @Autowired ResidentApplicationCommands residentCommands;
  @Autowired ObjectMapper json;
  @Autowired TenantKeys keys;

  private String resident;

  @BeforeEach
  void useEngine() {
    ProcessAssertions.init(engine);
    resident = LineIdTokens.newUserId();
  }

  @Test
  void shouldIssueTheReceiptAfterTheSubmissionsTransaction() {
    ProcessInstance instance = start();

    assertThat(instance).hasPassed("Task_RegisterApplication", "Task_NotifyReceived").isWaitingAt("Task_IssueReceipt");
    Assertions.assertThat(documents(jdbc, instance)).isEmpty();
    execute(job());

    assertThat(instance).hasPassed("Task_IssueReceipt").isWaitingAt("Task_ReviewApplication");
    Assertions.assertThat(documents(jdbc, instance)).containsExactly("receipt");
    Assertions.assertThat(IssuedDocuments.titles(jdbc, instance)).containsExactly(RECEIPT);
    Assertions.assertThat(IssuedDocuments.text(jdbc, documentsService, instance, "receipt"))
        .contains(RECEIPT, "児童手当 認定請求", instance.getBusinessKey(), "山田 太郎", "デモ銀行");
  }

  @Test
  void shouldEstimateTheAllowanceAndGiveTheReviewADueDateFiveDaysLaterAt17() {
    ProcessInstance instance = submit();

    assertThat(instance).hasPassed("Task_RegisterApplication", "Task_NotifyReceived", "Task_IssueReceipt",
        "Task_EstimateAllowance").isWaitingAt("Task_ReviewApplication");
    assertThat(task()).hasCandidateGroup("child-section").hasName("担当者の審査");
    Date due = Date.from(LocalDate.now(JST).plusDays(5).atTime(17, 0).atZone(JST).toInstant());
    Assertions.assertThat(task().getDueDate()).isEqualTo(due);
    Assertions.assertThat(job("Event_ReviewOverdue").getDuedate()).isEqualTo(due);
    assertThat(instance).variables()
        .containsEntry("monthlyAmount", ChildAllowanceApplications.ESTIMATED_MONTHLY_AMOUNT)
        .containsEntry("startMonth", YearMonth.now(JST).plusMonths(1).toString())
        .containsEntry("allowanceBreakdown", "第1子（6歳）10,000円、第2子（1歳）15,000円");
    Assertions.assertThat(residentStatuses(statuses.timeline(DEMO, instance.getId()))).containsExactly("受付済み", "審査中");
  }

  @Test
  void shouldNotifyTheCertificationOnceTheClerkAndTheChiefApprove() {
    ProcessInstance instance = submit();

    complete(task(), approvalProposal());
    assertThat(instance).isWaitingAt("Task_ApproveByChief");
    assertThat(task()).hasCandidateGroup("child-section-chief").hasName("係長の決裁");
    complete(task(), chiefApproval());

    assertThat(instance).hasPassed("Task_NotifyApproved").isWaitingAt("Task_IssueApprovalNotice");
    execute(job());
    assertThat(instance).isEnded().hasPassed("Task_IssueApprovalNotice", "Event_Approved")
        .hasNotPassed("Task_NotifyRejected");
    Assertions.assertThat(outboxActivities(instance)).containsExactly("Task_NotifyReceived", "Task_NotifyApproved");
    Assertions.assertThat(queuedText(instance, "Task_NotifyApproved"))
        .contains("児童手当の支給を認定しました。", "支給開始：令和8年12月分から", "月額は認定通知書でお知らせします")
        .as("the amount (機密性2) stays out of LINE").doesNotContain("25000", "25,000");
    Assertions.assertThat(documents(jdbc, instance)).containsExactly("receipt", "approval-notice");
    Assertions.assertThat(IssuedDocuments.titles(jdbc, instance)).containsExactly(RECEIPT, CERTIFICATION);
    Assertions.assertThat(IssuedDocuments.text(jdbc, documentsService, instance, "approval-notice"))
        .contains(CERTIFICATION, instance.getBusinessKey(), "手当月額（円）", "25,000", "支給開始月", "令和8年12月",
            "情報区分：機密性3・個人情報")
        .doesNotContain("承認通知書");
    Assertions.assertThat(residentStatuses(statuses.timeline(DEMO, instance.getId())))
        .containsExactly("受付済み", "審査中", "承認");
  }

  @Test
  void shouldReturnToTheClerkWhenTheChiefSendsBackAndApproveAfterwards() {
    ProcessInstance instance = submit();
    complete(task(), approvalProposal());

    complete(task(), chiefSendBack("第2子の生年月日を住民記録と照合してください。"));

    assertThat(instance).isWaitingAt("Task_ReviewApplication");
    Map<String, Object> reviewVariables = tasks.getVariables(task().getId());
    Assertions.assertThat(reviewVariables).containsEntry("chiefComment", "第2子の生年月日を住民記録と照合してください。")
        .containsEntry("reviewDecision", null);
    complete(task(), approvalProposal());
    Assertions.assertThat(tasks.getVariables(task().getId())).containsEntry("chiefDecision", null);
    complete(task(), chiefApproval());
    runJobs(management, instance.getId());
    assertThat(instance).isEnded().hasPassed("Event_Approved");
    Assertions.assertThat(IssuedDocuments.titles(jdbc, instance)).containsExactly(RECEIPT, CERTIFICATION);
    Assertions.assertThat(IssuedDocuments.text(jdbc, documentsService, instance, "approval-notice"))
        .doesNotContain("第2子の生年月日を住民記録と照合してください。");
    Assertions.assertThat(residentStatuses(statuses.timeline(DEMO, instance.getId())))
        .containsExactly("受付済み", "審査中", "承認");
  }

  @Test
  void shouldAskForAFreshDecisionInEveryReview() {
    ProcessInstance instance = submit();
    complete(task(), approvalProposal());
    complete(task(), chiefSendBack("確認してください。"));
    String taskId = task().getId();

    assertThatThrownBy(() -> tasks.complete(taskId))
        .hasRootCauseInstanceOf(InvalidFormException.class)
        .hasMessageContaining("reviewDecision");
    assertThat(instance).isWaitingAt("Task_ReviewApplication");
  }

  @Test
  void shouldRejectWithTheReason() {
    ProcessInstance instance = submit();

    complete(task(), rejection());

    assertThat(instance).hasPassed("Task_NotifyRejected").isWaitingAt("Task_IssueRejectionNotice");
    execute(job());
    assertThat(instance).isEnded().hasPassed("Task_IssueRejectionNotice", "Event_Rejected")
        .hasNotPassed("Task_ApproveByChief");
    Assertions.assertThat(documents(jdbc, instance)).containsExactly("receipt", "rejection-notice");
    Assertions.assertThat(IssuedDocuments.titles(jdbc, instance)).containsExactly(RECEIPT, REJECTION);
    Assertions.assertThat(IssuedDocuments.text(jdbc, documentsService, instance, "rejection-notice"))
        .contains(REJECTION, instance.getBusinessKey(), "却下の理由", "請求者が児童を養育している事実を確認できませんでした。", "教示");
    Assertions.assertThat(residentStatuses(statuses.timeline(DEMO, instance.getId())))
        .containsExactly("受付済み", "審査中", "却下");
  }

  @Test
  void shouldReviewAgainAfterEveryCorrectionAsOftenAsTheClerkReturnsIt() {
    ProcessInstance instance = submit();

    complete(task(), returnForCorrection("児童の続柄を確認してください。"));
    assertThat(instance).isWaitingAt("Gateway_AwaitCorrection");
    correctByMessage(instance, "デモ市中央1-2-4");
    assertThat(instance).isWaitingAt("Task_ReviewApplication");
    complete(task(), returnForCorrection("口座名義を確認してください。"));
    assertThat(instance).isWaitingAt("Gateway_AwaitCorrection");
    correctByMessage(instance, "デモ市中央1-2-5");
    assertThat(instance).isWaitingAt("Task_ReviewApplication");
    assertThat(instance).variables().containsEntry("address", "デモ市中央1-2-5");
    complete(task(), approvalProposal());
    complete(task(), chiefApproval());
    runJobs(management, instance.getId());

    assertThat(instance).isEnded().hasPassed("Event_Approved");
    Assertions.assertThat(IssuedDocuments.titles(jdbc, instance)).containsExactly(RECEIPT, CERTIFICATION);
    Assertions.assertThat(outboxActivities(instance)).containsExactly("Task_NotifyReceived", "Task_NotifyReturned",
        "Task_NotifyResubmitted", "Task_NotifyReturned", "Task_NotifyResubmitted", "Task_NotifyApproved");
    Assertions.assertThat(residentStatuses(statuses.timeline(DEMO, instance.getId())))
        .containsExactly("受付済み", "審査中", "差戻し中", "審査中", "差戻し中", "審査中", "承認");
  }

  @Test
  void shouldShowTheClerkEveryEarlierSubmissionAndReturnComment() throws Exception {
    ProcessInstance instance = submit();
    ObjectNode first = ChildAllowanceApplications.data();
    ObjectNode second = first.deepCopy().put("accountHolderKana", "ヤマダ ハナコ　");
    ObjectNode third = second.deepCopy().put("address", "デモ市中央1-2-5");

    complete(task(), returnForCorrection("口座名義を通帳のとおりに入力してください。"));
    residentCommands.correct(DEMO, resident, instance.getBusinessKey(), second, null);
    complete(task(), returnForCorrection("住所の番地を確認してください。"));
    residentCommands.correct(DEMO, resident, instance.getBusinessKey(), third, null);

    assertThat(instance).isWaitingAt("Task_ReviewApplication");
    JsonNode earlier = json.readTree(tasks.getVariables(task().getId()).get("earlierSubmissions").toString());
    Assertions.assertThat(earlier).hasSize(2);
    Assertions.assertThat(earlier.get(0).get("round").asInt()).isEqualTo(1);
    Assertions.assertThat(earlier.get(0).get("returnComment").asText()).isEqualTo("口座名義を通帳のとおりに入力してください。");
    Assertions.assertThat(earlier.get(0).get("changed").asText()).isEqualTo("口座名義（全角カタカナ）");
    Assertions.assertThat(earlier.get(0).get("summary").asText())
        .contains("氏名：山田 花子", "住所：デモ市中央1-2-3", "児童の氏名：山田 太郎", "同意します：はい");
    Assertions.assertThat(earlier.get(0).get("submittedAt").asText()).matches("20\\d\\d年\\d{1,2}月\\d{1,2}日 \\d{1,2}:\\d\\d");
    Assertions.assertThat(earlier.get(1).get("round").asInt()).isEqualTo(2);
    Assertions.assertThat(earlier.get(1).get("submittedAt").asText()).isEqualTo(earlier.get(0).get("correctedAt").asText());
    Assertions.assertThat(earlier.get(1).get("returnComment").asText()).isEqualTo("住所の番地を確認してください。");
    Assertions.assertThat(earlier.get(1).get("changed").asText()).isEqualTo("住所");
    Assertions.assertThat(earlier.get(1).get("summary").asText()).contains("住所：デモ市中央1-2-3");
    assertThat(instance).variables().containsEntry("address", "デモ市中央1-2-5");
  }

  @Test
  void shouldEndWithANoticeWhenNoCorrectionArrivesWithinThirtyDays() {
    ProcessInstance instance = submit();
    complete(task(), returnForCorrection("児童の続柄を確認してください。"));
    Assertions.assertThat(job("Event_CorrectionDeadline").getDuedate().toInstant())
        .isAfter(OffsetDateTime.now(JST).plusDays(29).toInstant());

    execute(job("Event_CorrectionDeadline"));

    assertThat(instance).isEnded().hasPassed("Task_NotifyCorrectionExpired", "Event_CorrectionExpired")
        .hasNotPassed("Event_CorrectionSubmitted");
    Assertions.assertThat(IssuedDocuments.titles(jdbc, instance)).containsExactly(RECEIPT);
    Assertions.assertThat(residentStatuses(statuses.timeline(DEMO, instance.getId())))
        .containsExactly("受付済み", "審査中", "差戻し中", "取下げ");
  }

  @Test
  void shouldEndWithdrawnWhenTheResidentWithdrawsDuringTheReview() {
    ProcessInstance instance = submit();

    withdraw(instance);

    assertThat(instance).isEnded().hasPassed("Event_WithdrawalDuringReview", "Task_NotifyWithdrawn", "Event_Withdrawn");
    Assertions.assertThat(IssuedDocuments.titles(jdbc, instance)).containsExactly(RECEIPT);
    Assertions.assertThat(residentStatuses(statuses.timeline(DEMO, instance.getId())))
        .containsExactly("受付済み", "審査中", "取下げ");
  }

  @Test
  void shouldEndWithdrawnWhenTheResidentWithdrawsWhileTheChiefDecides() {
    ProcessInstance instance = submit();
    complete(task(), approvalProposal());

    withdraw(instance);

    assertThat(instance).isEnded().hasPassed("Event_WithdrawalDuringApproval", "Event_Withdrawn")
        .hasNotPassed("Task_NotifyApproved");
    Assertions.assertThat(IssuedDocuments.titles(jdbc, instance)).containsExactly(RECEIPT);
  }

  @Test
  void shouldEndWithdrawnWhenTheResidentWithdrawsInsteadOfCorrecting() {
    ProcessInstance instance = submit();
    complete(task(), returnForCorrection("児童の続柄を確認してください。"));

    withdraw(instance);

    assertThat(instance).isEnded().hasPassed("Event_WithdrawalDuringCorrection", "Event_Withdrawn")
        .hasNotPassed("Event_CorrectionSubmitted");
    Assertions.assertThat(IssuedDocuments.titles(jdbc, instance)).containsExactly(RECEIPT);
    Assertions.assertThat(residentStatuses(statuses.timeline(DEMO, instance.getId())))
        .containsExactly("受付済み", "審査中", "差戻し中", "取下げ");
  }

  @Test
  void shouldEscalateAnOverdueReviewToTheChiefWhileTheReviewStaysOpen() {
    ProcessInstance instance = submit();
    Task review = task();
    Assertions.assertThat(review.getPriority()).isEqualTo(Task.PRIORITY_NORMAL);

    ClockUtil.setCurrentTime(Date.from(review.getDueDate().toInstant().plusSeconds(60)));
    try {
      execute(job("Event_ReviewOverdue"));
    } finally {
      ClockUtil.reset();
    }

    assertThat(instance).isWaitingAt("Task_ReviewApplication", "Task_CheckOverdueReview")
        .hasPassed("Event_ReviewOverdue", "Task_RaiseReviewPriority");
    Task check = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_CheckOverdueReview")
        .singleResult();
    assertThat(check).hasCandidateGroup("child-section-chief").hasName("期限超過：対応状況の確認");
    Task stillOpen = tasks.createTaskQuery().taskId(review.getId()).singleResult();
    Assertions.assertThat(stillOpen.getPriority()).isGreaterThan(Task.PRIORITY_NORMAL);
    Assertions.assertThat(residentStatuses(statuses.timeline(DEMO, instance.getId()))).containsExactly("受付済み", "審査中");

    complete(check, Map.of("overdueChecked", true, "overdueNote", "担当者は本日中に審査します。"));
    assertThat(instance).hasPassed("Event_OverdueChecked").isWaitingAt("Task_ReviewApplication");
  }

  @Test
  void shouldCloseAnOpenEscalationWhenTheApplicationIsDecided() {
    ProcessInstance instance = submit();
    execute(job("Event_ReviewOverdue"));
    Task review = tasks.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey("Task_ReviewApplication").singleResult();

    complete(review, rejection());
    runJobs(management, instance.getId());

    assertThat(instance).isEnded().hasPassed("Task_IssueRejectionNotice", "Event_Rejected")
        .hasNotPassed("Event_OverdueChecked");
    Assertions.assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
  }

  private void correctByMessage(ProcessInstance instance, String address) {
    runtime.createMessageCorrelation("CorrectionSubmitted").processInstanceId(instance.getId())
        .setVariable("address", address).correlate();
  }

  private void withdraw(ProcessInstance instance) {
    runtime.createMessageCorrelation("WithdrawalRequested").processInstanceId(instance.getId()).correlate();
  }

  /** Submitted and registered; the receipt is still to be issued (an asynchronous job). */
  private ProcessInstance start() {
    return TenantContext.callAs(DEMO,
        () -> runtime.startProcessInstanceByKey(PROCESS, ChildAllowanceApplications.valid(resident)));
  }

  private ProcessInstance submit() {
    ProcessInstance instance = start();
    runJobs(management, instance.getId());
    assertThat(instance).isWaitingAt("Task_ReviewApplication");
    return instance;
  }

  private String queuedText(ProcessInstance instance, String activityId) {
    byte[] sealed = jdbc.queryForObject("SELECT message FROM notification_outbox WHERE process_instance_id = ? "
        + "AND activity_id = ?", byte[].class, instance.getId(), activityId);
    return keys.decrypt(DEMO, "notification_outbox.message", sealed);
  }

  private List<String> outboxActivities(ProcessInstance instance) {
    return jdbc.queryForList("SELECT activity_id FROM notification_outbox WHERE process_instance_id = ? "
        + "ORDER BY created_at, activity_id", String.class, instance.getId());
  }
}
