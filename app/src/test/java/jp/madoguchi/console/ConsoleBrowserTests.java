package jp.madoguchi.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;

import jp.madoguchi.BulkyWasteApplications;
import jp.madoguchi.MadoguchiApplication;
import jp.madoguchi.TestFolders;
import jp.madoguchi.document.SigningCredential;
import jp.madoguchi.document.SigningCredentials;
import jp.madoguchi.procedure.TenantContext;
import jp.madoguchi.statistics.StatisticsDataGenerator;
import jp.madoguchi.tenant.TenantKeys;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tenant admin console in a real browser (Debian's headless Chromium, ja-JP, laptop size)
 * against its own app with a year of generated history: the 責任者 logs in with the Camunda account
 * (one session with Tasklist), reads the dashboard, downloads a table, goes through every page;
 * a clerk and another tenant's admin are refused. Every page is screenshotted into
 * target/screenshots/console-*.png, checked with axe-core and for Content Security Policy refusals.
 */
@Tag("own-jvm")
class ConsoleBrowserTests {

  private static final ZoneId JST = ZoneId.of("Asia/Tokyo");
  private static final Path DOWNLOADS = Path.of("target/console-downloads");

  private static ConfigurableApplicationContext app;
  private static ConsoleBrowser browser;
  private static String base;
  private static JdbcTemplate jdbc;

  @BeforeAll
  static void start() throws Exception {
    MadoguchiApplication.useJapanStandardTime();
    app = new SpringApplicationBuilder(MadoguchiApplication.class).run("--server.port=0",
        "--madoguchi.embedded-db.data-dir=" + TestFolders.create("madoguchi-console-"),
        "--madoguchi.tenants-seed=classpath:seed/test-tenants.yaml", "--camunda.bpm.job-execution.enabled=false",
        "--madoguchi.line.workers-enabled=false");
    base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
    jdbc = app.getBean(JdbcTemplate.class);
    LocalDateTime now = LocalDateTime.now(JST);
    new StatisticsDataGenerator(jdbc, app.getBean(TransactionTemplate.class)).generate("demo", 6000,
        now.toLocalDate().minusDays(400), 400, now,
        StatisticsDataGenerator.sharedDefinitions(app.getBean(RepositoryService.class)), 0.5);
    // the generator's payloads are placeholders; the export reads them, so they get a sealed one
    jdbc.update("UPDATE application SET payload = ? WHERE tenant_id = 'demo'", app.getBean(TenantKeys.class)
        .encrypt("demo", "application.payload", "{\"address\": \"デモ市中央1-1\"}"));
    jdbc.update("""
        INSERT INTO notification_outbox (id, tenant_id, process_instance_id, activity_id, message, retry_key, status,
          attempts, last_error, created_at)
        VALUES (?, 'demo', 'bench-demo-1', 'Task_NotifyApproved', '\\x00'::bytea, ?, 'FAILED', 8,
          'LINE answered 400: The user hasn''t added the LINE Official Account as a friend', now())""",
        UUID.randomUUID(), UUID.randomUUID());
    browser = ConsoleBrowser.start(DOWNLOADS);
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

  @AfterEach
  void logOut() {
    browser.logOut(base);
  }

  @Test
  void shouldShowTheTenantAdminTheDashboardAndEveryPage() throws Exception {
    browser.driver.get(base + "/admin/demo/");
    visible(By.cssSelector("[data-testid=login-form]"));
    assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("管理コンソールにログイン");
    check("console-01-login");

    logIn("demo-admin", "Madoguchi-Admin-2026!");
    waitForDashboard();
    click(By.xpath("//button[text()='過去1年']"));
    waitForDashboard();
    long year = jdbc.queryForObject("SELECT count(*) FROM application WHERE tenant_id = 'demo' AND submitted_at >= ?",
        Long.class, java.sql.Timestamp.from(LocalDate.now(JST).minusDays(364).atStartOfDay(JST).toInstant()));
    assertThat(visible(By.cssSelector("[data-testid=total-applications] dd")).getText())
        .isEqualTo(String.format("%,d 件", year));
    assertThat(browser.driver.findElements(By.cssSelector(".card canvas"))).hasSizeGreaterThanOrEqualTo(9);
    check("console-02-dashboard");

    click(By.cssSelector("[data-testid=csv-applications-monthly]"));
    byte[] csv = awaitDownload("applications-monthly");
    assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
    assertThat(new String(csv, StandardCharsets.UTF_8)).contains("\"月\"", "粗大ごみ収集申込");

    click(By.cssSelector("[data-nav=notifications]"));
    assertThat(visible(By.cssSelector("[data-testid=notifications]")).getText()).contains("Task_NotifyApproved", "400");
    check("console-03-notifications");

    click(By.cssSelector("[data-nav=signing-certificate]"));
    assertThat(visible(By.cssSelector("[data-testid=certificate]")).getText()).contains("自己署名", "O=demo");
    check("console-04-signing-certificate");
    SigningCredentials credentials = app.getBean(SigningCredentials.class);
    SigningCredential selfSigned = credentials.forTenant("demo");
    credentials.install("demo", new SigningCredential(selfSigned.privateKey(), selfSigned.chain(), "INSTALLED"));
    click(By.cssSelector("[data-nav=line]"));
    click(By.cssSelector("[data-nav=signing-certificate]"));
    browser.waitForText(By.cssSelector("[data-testid=certificate]"), "導入済みの証明書");
    assertThat(visible(By.cssSelector("[data-testid=certificate]")).getText()).doesNotContain("null", "自己署名の証明書です");

    click(By.cssSelector("[data-nav=line]"));
    browser.waitForText(By.cssSelector("[data-testid=line-channel]"), "トークンを受け付けています");
    assertThat(visible(By.cssSelector("[data-testid=line-channel]")).getText()).contains("デモ市", "1234567890-demo")
        .doesNotContain("null");
    browser.driver.findElement(By.cssSelector("[data-testid=line-token]")).sendKeys("a-token-line-never-issued");
    click(By.cssSelector("[data-testid=line-replace]"));
    browser.waitForText(By.cssSelector(".notices"), "LINE がこのチャネルアクセストークンを受け付けませんでした");
    check("console-05-line-refused-token");
    browser.driver.findElement(By.cssSelector("[data-testid=line-token]")).clear();
    browser.driver.findElement(By.cssSelector("[data-testid=line-secret]")).sendKeys("reissued-demo-secret");
    click(By.cssSelector("[data-testid=line-replace]"));
    browser.waitForText(By.cssSelector(".notices"), "変更しました");
    assertThat(browser.driver.findElement(By.cssSelector("[data-testid=line-secret]")).getAttribute("value")).isEmpty();
    check("console-06-line-replaced");

    exportAndDownload();
    grantAndEndSupport();

    // the console keeps nothing in the browser's storage, and Tasklist shares its login
    assertThat(((JavascriptExecutor) browser.driver).executeScript("return localStorage.length + sessionStorage.length"))
        .isEqualTo(0L);
    assertThat(((JavascriptExecutor) browser.driver).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        fetch('/camunda/api/admin/auth/user/default').then(r => r.json()).then(a => done(a.userId))""")).isEqualTo("demo-admin");
  }

  /** The export page: a ZIP without the sensitive fields, its progress, the download with the session. */
  private static void exportAndDownload() throws Exception {
    click(By.cssSelector("[data-nav=exports]"));
    browser.waitForText(By.cssSelector("main"), "まだ書き出していません");
    click(By.cssSelector("[data-testid=export-start]"));
    browser.waitForText(By.cssSelector(".notices"), "書き出しを始めました");
    new WebDriverWait(browser.driver, Duration.ofSeconds(120)).until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("[data-testid=export-download]")));
    assertThat(visible(By.cssSelector("[data-testid=exports]")).getText())
        .contains("demo-admin", "要配慮個人情報を除く", "ダウンロードできます", "未ダウンロード");
    check("console-07-export-ready");
    click(By.cssSelector("[data-testid=export-download]"));
    byte[] zip = browser.awaitDownload("madoguchi-export-demo-", ".zip");
    assertThat(new String(zip, 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
    browser.waitForText(By.cssSelector("[data-testid=exports]"), "最後: demo-admin");

    click(By.cssSelector("[data-testid=export-sensitive]"));
    click(By.cssSelector("[data-testid=export-start]"));
    visible(By.cssSelector("[data-testid=confirm-dialog]"));
    check("console-08-export-sensitive-confirm");
    click(By.cssSelector("[data-testid=confirm-dialog] .button.secondary"));
    assertThat(jdbc.queryForObject("SELECT count(*) FROM tenant_export WHERE tenant_id = 'demo'", Long.class))
        .as("nothing started when the confirmation was declined").isEqualTo(1L);
  }

  /** The support-grant page: a wrong operator id refused with the server's message, a grant given, then ended. */
  private static void grantAndEndSupport() throws Exception {
    click(By.cssSelector("[data-nav=support-grants]"));
    browser.waitForText(By.cssSelector("main"), "サポート許可を出したことはありません");
    browser.driver.findElement(By.cssSelector("[data-testid=grant-operator]")).sendKeys("demo-clerk");
    browser.driver.findElement(By.cssSelector("[data-testid=grant-reason]")).sendKeys("問い合わせ #42 の調査");
    click(By.cssSelector("[data-testid=grant-submit]"));
    browser.waitForText(By.cssSelector(".notices"), "運用担当者のIDが正しくありません");
    var operator = browser.driver.findElement(By.cssSelector("[data-testid=grant-operator]"));
    operator.clear();
    operator.sendKeys("test-operator");
    click(By.cssSelector("[data-testid=grant-submit]"));
    browser.waitForText(By.cssSelector(".notices"), "test-operator に");
    assertThat(visible(By.cssSelector("[data-testid=support-grants]")).getText())
        .contains("test-operator", "問い合わせ #42 の調査", "demo-admin", "有効");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM support_grant WHERE tenant_id = 'demo' AND ended_at IS NULL",
        Long.class)).isEqualTo(1L);
    check("console-09-support-grant");

    click(By.cssSelector("[data-testid=support-grant-end]"));
    click(By.cssSelector("[data-testid=confirm-yes]"));
    browser.waitForText(By.cssSelector(".notices"), "サポート許可を終了しました");
    assertThat(visible(By.cssSelector("[data-testid=support-grants]")).getText()).contains("終了");
    assertThat(browser.driver.findElements(By.cssSelector("[data-testid=support-grant-end]"))).isEmpty();
    assertThat(jdbc.queryForObject("SELECT ended_by FROM support_grant WHERE tenant_id = 'demo'", String.class))
        .isEqualTo("demo-admin");
  }

  /** The legal hold's page: a completed application looked up by its number, kept longer, the hold shown. */
  @Test
  void shouldKeepACompletedApplicationLongerThanItsProcedureOnTheRetentionPage() throws Exception {
    ProcessEngine engine = app.getBean(ProcessEngine.class);
    ProcessInstance instance = TenantContext.callAs("demo", () -> engine.getRuntimeService()
        .startProcessInstanceByKey("bulky-waste-collection", BulkyWasteApplications.valid()));
    BulkyWasteApplications.runJobs(engine.getManagementService(), instance.getId());
    String task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
    engine.getTaskService().complete(task, BulkyWasteApplications.rejection());
    BulkyWasteApplications.runJobs(engine.getManagementService(), instance.getId());
    String number = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
        .singleResult().getBusinessKey();

    browser.driver.get(base + "/admin/demo/retention");
    logIn("demo-admin", "Madoguchi-Admin-2026!");
    visible(By.cssSelector("[data-testid=retention-number]")).sendKeys(number);
    click(By.cssSelector("[data-testid=retention-look-up]"));
    browser.waitForText(By.cssSelector("[data-testid=retention]"), "手続のとおり");
    assertThat(visible(By.cssSelector("[data-testid=retention]")).getText()).contains(number, "完了日時")
        .doesNotContain("null", "undefined");

    WebElement keepUntil = visible(By.cssSelector("[data-testid=retention-keep-until]"));
    ((JavascriptExecutor) browser.driver).executeScript("arguments[0].value = '2060-03-31'", keepUntil);
    click(By.cssSelector("[data-testid=retention-change]"));
    browser.waitForText(By.cssSelector(".notices"), "2060-03-31 まで保存します");
    assertThat(visible(By.cssSelector("[data-testid=retention]")).getText()).contains("2060-03-31 まで", "延長中");
    assertThat(engine.getManagementService().createBatchQuery().count()).as("the engine's batch moves the history rows")
        .isOne();
    check("console-10-retention");

    browser.driver.findElement(By.cssSelector("[data-testid=retention-number]")).clear();
    browser.driver.findElement(By.cssSelector("[data-testid=retention-number]")).sendKeys("2026-999999");
    click(By.cssSelector("[data-testid=retention-look-up]"));
    browser.waitForText(By.cssSelector(".notices"), "この番号の申請はありません");
  }

  @Test
  void shouldTellAClerkThatTheConsoleIsForTheTenantsAdministrators() throws Exception {
    browser.driver.get(base + "/admin/demo/");
    logIn("demo-clerk", "Madoguchi-Clerk-2026!");
    assertThat(visible(By.cssSelector("[data-testid=no-permission]")).getText()).contains("権限がありません", "責任者");
    assertThat(browser.driver.findElements(By.cssSelector(".side-nav"))).isEmpty();
    check("console-05-no-permission");
    assertThat(status("/api/demo/admin/statistics")).isEqualTo(403);
  }

  @Test
  void shouldRefuseAnotherTenantsAdministrator() throws Exception {
    browser.driver.get(base + "/admin/demo/");
    logIn("kita-admin", "Hokubu-Admin-2026!");
    WebElement answer = visible(By.cssSelector("[data-testid=no-permission], .alert.error"));
    check("console-06-other-tenant");
    assertThat(answer.getText()).contains("権限がありません").doesNotContain("デモ市");
    assertThat(status("/api/demo/admin/statistics")).isEqualTo(403);
    assertThat(status("/api/demo/admin/notifications")).isEqualTo(403);
  }

  private static void logIn(String user, String password) throws IOException {
    browser.logIn(user, password);
  }

  private static void waitForDashboard() {
    new WebDriverWait(browser.driver, ConsoleBrowser.WAIT).until(ExpectedConditions.attributeToBe(
        By.cssSelector(".dashboard"), "aria-busy", "false"));
    visible(By.cssSelector("[data-testid=card-applications-daily] canvas"));
  }

  private static WebElement visible(By locator) {
    return browser.visible(locator);
  }

  private static void click(By locator) {
    browser.click(locator);
  }

  private static long status(String path) {
    return browser.status(path);
  }

  private static byte[] awaitDownload(String table) throws Exception {
    return browser.awaitDownload(table);
  }

  private static void check(String name) throws IOException {
    browser.check(name);
  }
}
