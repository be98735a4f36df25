package jp.madoguchi.procedures.childallowance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jp.madoguchi.TestFolders;
import jp.madoguchi.procedure.TenantContext;
import jp.madoguchi.BulkyWasteApplications;
import jp.madoguchi.ChildAllowanceApplications;
import jp.madoguchi.HeadlessChromium;
import jp.madoguchi.MadoguchiApplication;
import jp.madoguchi.application.ResidentApplicationCommands;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 児童手当 in Debian's headless Chromium on the embedded demo: a resident applies on the LIFF page
 * (form-js viewer), and the clerk's review form works in Camunda Tasklist itself (its bundled
 * form-js): the application data, the estimate and the resident's earlier submission with the
 * return comment are shown, and the clerk's proposal is completed from the form. Screenshots go to
 * target/screenshots; the resident's pages are checked with axe-core.
 */
@Tag("own-jvm")
class ChildAllowanceBrowserTests {

  private static final String HANAKO = "U0000000000000000000000000000demo1";

  private static ConfigurableApplicationContext app;
  private static WebDriver browser;
  private static String base;

  @BeforeAll
  static void start() throws Exception {
    MadoguchiApplication.useJapanStandardTime();
    app = new SpringApplicationBuilder(MadoguchiApplication.class).run("--server.port=0",
        "--madoguchi.embedded-db.data-dir=" + TestFolders.create("madoguchi-tasklist-"),
        "--madoguchi.tenants-seed=", "--camunda.bpm.job-execution.enabled=false");
    base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
    browser = HeadlessChromium.start("1400,1600");
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (app != null) {
      app.close();
    }
  }

  @Test
  void shouldApplyOnTheLiffPage() throws Exception {
    browser.get(base + "/liff/demo/");
    click(By.cssSelector("[data-testid=dev-resident][data-user-id='" + HANAKO + "']"));
    visible(By.cssSelector("[data-testid=procedure-card]"));
    browser.get(base + "/liff/demo/apply/child-allowance");
    visible(By.cssSelector("[data-testid=confirm-button]"));
    ((JavascriptExecutor) browser).executeScript("localStorage.setItem(arguments[0], arguments[1])",
        "madoguchi:draft:demo:child-allowance:" + HANAKO, ChildAllowanceApplications.data().toString());
    browser.navigate().refresh();
    assertThat(visible(By.cssSelector("[data-testid=message]")).getText()).contains("下書きを復元しました");
    assertThat(visible(By.cssSelector("input[id$='Field_SpouseName']")).getAttribute("value")).isEqualTo("山田 一郎");
    shootResidentPage("liff-child-allowance-apply");

    click(By.cssSelector("[data-testid=confirm-button]"));
    visible(By.cssSelector("[data-testid=submit-button]"));
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("山田 太郎", "山田 次郎", "デモ銀行", "0123456");
    shootResidentPage("liff-child-allowance-confirm");
    click(By.cssSelector("[data-testid=submit-button]"));
    String number = visible(By.cssSelector("[data-testid=application-number]")).getText();

    assertThat(app.getBean(JdbcTemplate.class).queryForObject("SELECT procedure_key FROM application "
        + "WHERE tenant_id = 'demo' AND number = ? AND resident_ref = ?", String.class, number, HANAKO))
        .isEqualTo("child-allowance");
  }

  @Test
  void shouldShowTheEarlierSubmissionInTheReviewFormAndCompleteTheProposal() throws Exception {
    RuntimeService runtime = app.getBean(RuntimeService.class);
    TaskService tasks = app.getBean(TaskService.class);
    ProcessInstance instance = TenantContext.callAs("demo",
        () -> runtime.startProcessInstanceByKey("child-allowance", ChildAllowanceApplications.valid(HANAKO)));
    BulkyWasteApplications.runJobs(app.getBean(ManagementService.class), instance.getId());
    tasks.complete(reviewTask(tasks, instance), java.util.Map.of("reviewDecision", "return",
        "returnComment", "口座名義を通帳のとおりに入力してください。"));
    app.getBean(ResidentApplicationCommands.class).correct("demo", HANAKO, instance.getBusinessKey(),
        ChildAllowanceApplications.data().put("accountHolderKana", "ヤマダ ハナコ　"), null);
    String taskId = reviewTask(tasks, instance);
    tasks.claim(taskId, "demo-clerk");

    browser.get(base + "/camunda/app/tasklist/default/");
    HeadlessChromium.logInToCamunda(browser, java.time.Duration.ofSeconds(60), "demo-clerk", "Madoguchi-Clerk-2026!");
    visible(By.cssSelector("[cam-tasks]"));
    browser.get(base + "/camunda/app/tasklist/default/#/?task=" + taskId + "&detailsTab=task-detail-diagram");
    visible(By.cssSelector(".djs-container svg"));
    shoot("tasklist-child-allowance-diagram");
    browser.get(base + "/camunda/app/tasklist/default/#/?task=" + taskId + "&detailsTab=task-detail-form");
    WebElement form = visible(By.cssSelector(".fjs-container"));
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(ExpectedConditions.textToBePresentInElement(form, "これまでの提出内容"));

    assertThat(form.getText()).contains("情報区分：機密性3・個人情報", "第1回提出", "口座名義を通帳のとおりに入力してください。", "口座名義（全角カタカナ）: ヤマダ ハナコ → ヤマダ ハナコ",
        "山田 太郎（ヤマダ タロウ）", "同居 あり", "第1子（6歳）10,000円、第2子（1歳）15,000円")
        .doesNotContain("係長からの差戻し");
    shoot("tasklist-child-allowance-review");

    browser.findElement(By.xpath("//label[contains(normalize-space(.), '認定して係長の決裁へ')]")).click();
    WebElement amount = visible(By.cssSelector(".fjs-container input[id$='Field_MonthlyAmount']"));
    assertThat(amount.getAttribute("value")).isEqualTo("25000");
    shoot("tasklist-child-allowance-proposal");
    browser.findElement(By.cssSelector("button[ng-click='complete()']")).click();

    new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver ->
        tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_ApproveByChief").count() == 1);
    assertThat(runtime.getVariable(instance.getId(), "reviewDecision")).isEqualTo("approve");
  }

  private static String reviewTask(TaskService tasks, ProcessInstance instance) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_ReviewApplication")
        .singleResult().getId();
  }

  private static WebElement visible(By locator) {
    return HeadlessChromium.visible(browser, locator);
  }

  private static void click(By locator) {
    HeadlessChromium.click(browser, locator);
  }

  /** A screenshot, and axe-core finds no serious or critical violation on the resident's page. */
  private static void shootResidentPage(String name) throws Exception {
    shoot(name);
    assertThat(HeadlessChromium.seriousAccessibilityViolations(browser)).as("accessibility of " + name).isEmpty();
  }

  private static void shoot(String name) throws Exception {
    HeadlessChromium.screenshot(browser, name);
  }
}
