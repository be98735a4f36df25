package jp.madoguchi.liff;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import jp.madoguchi.BulkyWasteApplications;
import jp.madoguchi.HeadlessChromium;
import jp.madoguchi.MadoguchiApplication;
import jp.madoguchi.TestDates;
import jp.madoguchi.TestFolders;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The resident's whole journey in a real browser (Debian's headless Chromium) against the app on
 * its embedded demo default: a demo resident applies with a photo, follows the status, corrects
 * what the clerk returned, sees the approval, and withdraws another application. Every page is
 * screenshotted into target/screenshots and checked with axe-core.
 */
@Tag("own-jvm")
class LiffBrowserTests {

  private static final String HANAKO = "U0000000000000000000000000000demo1";
  private static final String ICHIRO = "U0000000000000000000000000000demo2";

  private static ConfigurableApplicationContext app;
  private static WebDriver browser;
  private static String base;

  @BeforeAll
  static void start() throws Exception {
    MadoguchiApplication.useJapanStandardTime();
    // no public URL: images in Tasklist forms point at the port the app really listens on
    app = new SpringApplicationBuilder(MadoguchiApplication.class).run("--server.port=0",
        "--madoguchi.embedded-db.data-dir=" + TestFolders.create("madoguchi-browser-"),
        "--madoguchi.tenants-seed=", "--camunda.bpm.job-execution.enabled=false");
    base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
    ChromeDriver chromium = HeadlessChromium.start("390,1000");
    HeadlessChromium.recordContentSecurityViolations(chromium);
    browser = chromium;
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
  void shouldApplyWithAPhotoFollowTheStatusCorrectAndWithdraw() throws Exception {
    browser.get(base + "/liff/demo/");
    click(By.cssSelector("[data-testid=dev-resident][data-user-id='" + HANAKO + "']"));
    visible(By.cssSelector("[data-testid=procedure-card]"));
    shoot("01-catalogue");

    // the catalogue lists every procedure: pick this one
    click(By.cssSelector("[data-testid=apply-button][href$='/apply/bulky-waste-collection']"));
    WebElement restored = restoreDraft("bulky-waste-collection", HANAKO, """
            {"items": [{"name": "ソファ", "size": "L", "quantity": 1}], "applicantName": "山田 花子", "address": "デモ市中央1-2-3",
             "preferredDate1": "%s", "phone": "090-1234-5678"}""".formatted(TestDates.daysAhead(14)));
    assertThat(restored.getText()).contains("下書きを復元しました");
    WebElement address = visible(By.cssSelector("input[id$='Field_Address']"));
    address.sendKeys(" 101号");
    Path photo = Files.createTempFile("sofa", ".jpg");
    ImageIO.write(new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB), "jpeg", photo.toFile());
    browser.findElement(By.cssSelector("input[type=file]")).sendKeys(photo.toString());
    shoot("02-apply");

    click(By.cssSelector("[data-testid=confirm-button]"));
    visible(By.cssSelector("[data-testid=submit-button]"));
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("デモ市中央1-2-3 101号", "ソファ");
    shoot("03-confirm");
    click(By.cssSelector("[data-testid=submit-button]"));
    String number = visible(By.cssSelector("[data-testid=application-number]")).getText();
    assertThat(number).matches("20\\d\\d-\\d{6}");
    shoot("04-submitted");
    JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM attachment a JOIN application p ON p.id = a.application_id "
        + "WHERE p.number = ? AND p.tenant_id = 'demo'", Long.class, number)).isEqualTo(1);

    runJobs(number); // the receipt is issued asynchronously

    browser.get(base + "/liff/demo/applications");
    click(By.cssSelector("[data-testid=application-card]"));
    assertThat(visible(By.cssSelector("[data-testid=status]")).getText()).contains("審査中");
    assertThat(visible(By.cssSelector("[data-testid=document]")).getText()).contains("受付票");
    assertThat(browser.findElement(By.cssSelector("[data-testid=timeline]")).getText()).contains("受付済み");
    shoot("05-detail");

    TaskService tasks = app.getBean(TaskService.class);
    String instanceId = instanceOf(number);
    tasks.complete(tasks.createTaskQuery().processInstanceId(instanceId).singleResult().getId(),
        Map.of("decision", "return", "returnComment", "ソファの大きさをもう一度測ってください。"));
    browser.navigate().refresh();
    assertThat(visible(By.cssSelector("[data-testid=clerk-comment]")).getText()).contains("もう一度測ってください");
    shoot("06-returned");
    click(By.cssSelector("[data-testid=correct-button]"));
    visible(By.cssSelector("[data-testid=confirm-button]"));
    shoot("07-correct");
    click(By.cssSelector("[data-testid=confirm-button]"));
    click(By.cssSelector("[data-testid=send-correction]"));
    assertThat(visible(By.cssSelector("[data-testid=message]")).getText()).contains("修正内容を送信しました");
    assertThat(visible(By.cssSelector("[data-testid=status]")).getText()).contains("審査中");

    tasks.complete(tasks.createTaskQuery().processInstanceId(instanceId).singleResult().getId(),
        Map.of("decision", "approve", "collectionDate", TestDates.daysAhead(19), "fee", 1200L, "ticketNumber", "T-2026-0042"));
    runJobs(number);
    browser.navigate().refresh();
    assertThat(visible(By.cssSelector("[data-testid=status]")).getText()).contains("承認");
    assertThat(browser.findElements(By.cssSelector("[data-testid=document]"))).extracting(WebElement::getText)
        .anySatisfy(text -> assertThat(text).contains("承認通知書"));
    assertThat(browser.findElements(By.cssSelector("[data-testid=withdraw-button]"))).isEmpty();
    shoot("08-approved");
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()",
        browser.findElement(By.cssSelector("[data-testid=document]")));
    shoot("08b-documents");

    browser.get(base + "/liff/demo/apply/bulky-waste-collection");
    restoreDraft("bulky-waste-collection", HANAKO, """
            {"items": [{"name": "自転車", "size": "M", "quantity": 1}], "applicantName": "山田 花子", "address": "デモ市北町5-6",
             "preferredDate1": "%s", "phone": "0312345678"}""".formatted(TestDates.daysAhead(24)));
    click(By.cssSelector("[data-testid=confirm-button]"));
    click(By.cssSelector("[data-testid=submit-button]"));
    String second = visible(By.cssSelector("[data-testid=application-number]")).getText();
    runJobs(second);
    browser.get(base + "/liff/demo/applications/" + second);
    click(By.cssSelector("[data-testid=withdraw-button]"));
    shoot("09-withdraw-confirm");
    click(By.cssSelector("[data-testid=withdraw-confirm]"));
    new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.textToBePresentInElementLocated(
        By.cssSelector("[data-testid=status]"), "取下げ"));
    shoot("10-withdrawn");
    String secondInstance = instanceOf(second);
    assertThat(tasks.createTaskQuery().processInstanceId(secondInstance).count()).isZero();

    browser.get(base + "/liff/demo/applications");
    visible(By.cssSelector("[data-testid=application-card]"));
    shoot("11-applications");
  }

  /**
   * A road-damage report with a photo and the device's position (Chromium's geolocation override),
   * then the repair with the clerk's after-photo, which the resident sees on the detail page.
   */
  @Test
  void shouldReportRoadDamageWithThePhotoAndTheCurrentLocation() throws Exception {
    ChromeDriver chrome = (ChromeDriver) browser;
    browser.get(base + "/liff/demo/");
    click(By.cssSelector("[data-testid=dev-resident][data-user-id='" + ICHIRO + "']"));
    visible(By.cssSelector("[data-testid=procedure-card]"));
    chrome.executeCdpCommand("Emulation.setGeolocationOverride",
        Map.of("latitude", 35.681236, "longitude", 139.767125, "accuracy", 12));

    browser.get(base + "/liff/demo/apply/road-damage-report");
    restoreDraft("road-damage-report", ICHIRO, """
            {"category": "道路の穴・段差", "dangerous": true, "description": "歩道に直径30cmほどの穴があります。",
             "locationAddress": "デモ市中央1-2 中央公園南入口前", "applicantName": "佐藤 一郎"}""");
    chrome.executeCdpCommand("Browser.setPermission", Map.of("origin", base,
        "permission", Map.of("name", "geolocation"), "setting", "denied"));
    click(By.cssSelector("[data-testid=use-location]"));
    new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.textToBePresentInElementLocated(
        By.cssSelector("[data-testid=location-status]"), "位置情報の利用が許可されていません"));
    chrome.executeCdpCommand("Browser.grantPermissions", Map.of("origin", base, "permissions", List.of("geolocation")));
    click(By.cssSelector("[data-testid=use-location]"));
    new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.textToBePresentInElementLocated(
        By.cssSelector("[data-testid=location-status]"), "現在地を入力しました"));
    assertThat(browser.findElement(By.cssSelector("[data-testid=location-status]")).getText()).contains("誤差 約12m");
    assertThat(browser.findElement(By.cssSelector("input[id$='Field_Latitude']")).getAttribute("value")).isEqualTo("35.681236");
    Path photo = Files.createTempFile("pothole", ".jpg");
    ImageIO.write(new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB), "jpeg", photo.toFile());
    browser.findElement(By.cssSelector("input[type=file]")).sendKeys(photo.toString());
    shoot("road-01-apply");

    click(By.cssSelector("[data-testid=confirm-button]"));
    assertThat(visible(By.cssSelector("[data-testid=location-summary]")).getText()).contains("35.681236", "139.767125");
    shoot("road-02-confirm");
    click(By.cssSelector("[data-testid=submit-button]"));
    String number = visible(By.cssSelector("[data-testid=application-number]")).getText();
    runJobs(number); // the receipt is issued asynchronously
    JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
    String instanceId = instanceOf(number);
    TaskService tasks = app.getBean(TaskService.class);
    var triage = tasks.createTaskQuery().processInstanceId(instanceId).singleResult();
    assertThat(tasks.getVariable(triage.getId(), "latitude")).isEqualTo(35.681236);
    assertThat(tasks.getVariable(triage.getId(), "department")).isEqualTo("road-section");
    shootTasklistForm(triage.getId());

    tasks.complete(triage.getId(), Map.of("decision", "accept"));
    tasks.complete(tasks.createTaskQuery().processInstanceId(instanceId).singleResult().getId(),
        Map.of("plannedDate", TestDates.daysAhead(14)));
    String applicationId = jdbc.queryForObject("SELECT id::text FROM application WHERE number = ? AND tenant_id = 'demo'",
        String.class, number);
    java.io.ByteArrayOutputStream afterPhoto = new java.io.ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB), "png", afterPhoto);
    app.getBean(jp.madoguchi.attachment.Attachments.class).storeForStaff("demo", "demo-road",
        java.util.UUID.fromString(applicationId), "補修後.png", afterPhoto.toByteArray());
    tasks.complete(tasks.createTaskQuery().processInstanceId(instanceId).singleResult().getId(),
        Map.of("repairNote", "穴をアスファルトで埋めました。", "repairedDate", TestDates.daysAgo(1),
            "afterPhotoUploaded", true));
    runJobs(number); // the 補修完了のお知らせ

    browser.get(base + "/liff/demo/applications/" + number);
    assertThat(visible(By.cssSelector("[data-testid=status]")).getText()).contains("対応完了");
    visible(By.cssSelector("[data-testid=staff-photos] img"));
    shoot("road-03-fixed");
  }

  /**
   * The opening minute of a popular procedure: the server turns the submission away (503,
   * Retry-After); the page says so next to the button, waits the time it was given and sends the
   * same application again by itself, which is then filed once.
   */
  @Test
  void shouldWaitItsTurnWhenSubmissionsAreCrowdedAndFileTheApplicationOnce() throws Exception {
    fileOnceAfterAFirstTryThat("""
        Promise.resolve(new Response(JSON.stringify({ message: 'busy' }), { status: 503,
          headers: { 'Retry-After': '2', 'Content-Type': 'application/json' } }))""", "申請が集中しています", "busy-01-waiting");
  }

  /**
   * A submission that got no answer at all (the connection refused or reset, e.g. while a crowd fills
   * the server's queue of new connections): the page says the connection is poor, waits and sends the
   * same application again by itself, which is then filed once, instead of showing an error.
   */
  @Test
  void shouldSendASubmissionThatGotNoAnswerAgainAndFileItOnce() throws Exception {
    fileOnceAfterAFirstTryThat("Promise.reject(new TypeError('Failed to fetch'))", "通信がつながりにくくなっています",
        "unanswered-01-waiting");
  }

  /**
   * A resident's own limit (429 naming a quota, e.g. ten applications a day): waiting a few seconds
   * lifts nothing, so the page shows the server's message at once and does not send the application
   * again by itself, as it does after a busy server's 429 or 503.
   */
  @Test
  void shouldShowAQuotaRefusalAndNotSendTheApplicationAgain() throws Exception {
    confirmBulkyWasteApplication();
    ((JavascriptExecutor) browser).executeScript("""
        window.submissionTries = 0;
        const realFetch = window.fetch;
        window.fetch = (url, options) => {
          if (String(url).endsWith('/applications') && options && options.method === 'POST') {
            window.submissionTries++;
            return Promise.resolve(new Response(JSON.stringify({ quota: 'applications-per-day',
              message: '1日に申請できるのは10件までです。明日（午前0時から）もう一度申請してください。' }),
              { status: 429, headers: { 'Retry-After': '2', 'Content-Type': 'application/json' } }));
          }
          return realFetch(url, options);
        };""");

    click(By.cssSelector("[data-testid=submit-button]"));

    assertThat(visible(By.cssSelector("[data-testid=message]")).getText()).contains("1日に申請できるのは10件まで");
    shoot("quota-refused");
    Thread.sleep(4_000);
    assertThat((Long) ((JavascriptExecutor) browser).executeScript("return window.submissionTries")).isOne();
    assertThat(browser.findElement(By.cssSelector("[data-testid=submit-button]")).isEnabled()).isTrue();
  }

  /**
   * A submission that never gets an answer: the page waits 2, 4, 8, 16 and then 30 seconds between
   * tries, stops after ten minutes and only then says the connection failed. The page's clock and
   * timers are run ahead instead of waited out.
   */
  @Test
  void shouldBackOffBetweenUnansweredTriesAndGiveUpAfterTenMinutes() throws Exception {
    confirmBulkyWasteApplication();
    ((JavascriptExecutor) browser).executeScript("""
        window.submissionTries = 0;
        window.retryDelays = [];
        let skipped = 0;
        const realNow = Date.now.bind(Date);
        Date.now = () => realNow() + skipped;
        const realSetTimeout = window.setTimeout.bind(window);
        window.setTimeout = (callback, ms, ...args) => {
          if (ms >= 1000) {
            window.retryDelays.push(ms);
            skipped += ms;
            return realSetTimeout(callback, 0, ...args);
          }
          return realSetTimeout(callback, ms, ...args);
        };
        const realFetch = window.fetch;
        window.fetch = (url, options) => {
          if (String(url).endsWith('/applications') && options && options.method === 'POST') {
            window.submissionTries++;
            return Promise.reject(new TypeError('Failed to fetch'));
          }
          return realFetch(url, options);
        };""");
    long before = app.getBean(JdbcTemplate.class).queryForObject("SELECT count(*) FROM application", Long.class);

    click(By.cssSelector("[data-testid=submit-button]"));

    new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(
        By.cssSelector("[data-testid=message]"), "通信できませんでした"));
    @SuppressWarnings("unchecked")
    List<Long> delays = (List<Long>) ((JavascriptExecutor) browser).executeScript("return window.retryDelays");
    List<Long> seconds = delays.stream().map(delay -> delay / 1000).toList();
    assertThat(seconds.subList(0, 5)).containsExactly(2L, 4L, 8L, 16L, 30L);
    assertThat(seconds.subList(5, seconds.size())).isNotEmpty().containsOnly(30L);
    long waited = delays.stream().mapToLong(Long::longValue).sum();
    assertThat(waited).as("waited in all (ms)").isGreaterThanOrEqualTo(600_000L)
        .isLessThan(600_000L + delays.get(delays.size() - 1));
    assertThat((Long) ((JavascriptExecutor) browser).executeScript("return window.submissionTries"))
        .isEqualTo(delays.size() + 1L);
    assertThat(app.getBean(JdbcTemplate.class).queryForObject("SELECT count(*) FROM application", Long.class))
        .isEqualTo(before);
  }

  /**
   * A correction and a withdrawal whose answers are lost after the server did them (the connection
   * dropped on the way back): the page sends each again with its clientRequestId and shows it done,
   * instead of an error or, on the copy, 「現在修正できません」; each is done once.
   */
  @Test
  void shouldShowACorrectionAndAWithdrawalWhoseAnswerWasLostAsDoneOnce() throws Exception {
    confirmBulkyWasteApplication();
    click(By.cssSelector("[data-testid=submit-button]"));
    String number = visible(By.cssSelector("[data-testid=application-number]")).getText();
    runJobs(number);
    JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
    TaskService tasks = app.getBean(TaskService.class);
    String instanceId = instanceOf(number);
    tasks.complete(tasks.createTaskQuery().processInstanceId(instanceId).singleResult().getId(),
        Map.of("decision", "return", "returnComment", "本棚の高さを書いてください。"));
    browser.get(base + "/liff/demo/applications/" + number + "/correct");
    visible(By.cssSelector("[data-testid=confirm-button]"));
    ((JavascriptExecutor) browser).executeScript("""
        const realFetch = window.fetch;
        window.actionBodies = {};
        window.fetch = (url, options) => {
          const action = String(url).match(/\\/(correction|withdrawal)$/);
          if (action && options && options.method === 'POST') {
            const bodies = window.actionBodies[action[1]] = window.actionBodies[action[1]] || [];
            bodies.push(options.body);
            if (bodies.length === 1) {
              return realFetch(url, options).then(() => { throw new TypeError('Failed to fetch'); });
            }
          }
          return realFetch(url, options);
        };""");

    click(By.cssSelector("[data-testid=confirm-button]"));
    click(By.cssSelector("[data-testid=send-correction]"));
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
        By.cssSelector("p.progress[role=status]"), "同じ修正が二重になることはありません"));
    shoot("correction-unanswered");
    assertThat(new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("[data-testid=message]"))).getText()).contains("修正内容を送信しました");
    assertThat(visible(By.cssSelector("[data-testid=status]")).getText()).contains("審査中");
    assertThat(tasks.createTaskQuery().processInstanceId(instanceId).count()).as("one review again").isOne();

    click(By.cssSelector("[data-testid=withdraw-button]"));
    click(By.cssSelector("[data-testid=withdraw-confirm]"));
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
        By.cssSelector("dialog p.progress[role=status]"), "同じ取下げが二重になることはありません"));
    shoot("withdrawal-unanswered");
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(
        By.cssSelector("[data-testid=status]"), "取下げ"));
    assertThat(visible(By.cssSelector("[data-testid=message]")).getText()).contains("申請を取り下げました");

    for (String action : List.of("correction", "withdrawal")) {
      @SuppressWarnings("unchecked")
      List<String> bodies = (List<String>) ((JavascriptExecutor) browser)
          .executeScript("return window.actionBodies[arguments[0]]", action);
      assertThat(bodies).as(action).hasSize(2);
      assertThat(bodies.get(1)).as("%s sent again with the same clientRequestId", action).isEqualTo(bodies.get(0));
      assertThat(bodies.get(0)).contains("\"clientRequestId\"");
    }
    assertThat(jdbc.queryForList("SELECT r.action FROM resident_action_request r JOIN application a "
        + "ON a.id = r.application_id WHERE a.number = ? ORDER BY r.created_at", String.class, number))
        .containsExactly("correct", "withdraw");
    assertThat(tasks.createTaskQuery().processInstanceId(instanceId).count()).isZero();
  }

  /** Submits a bulky-waste application whose first try ends as {@code firstTry} (a script's fetch result). */
  private void fileOnceAfterAFirstTryThat(String firstTry, String waitingText, String screenshot) throws Exception {
    confirmBulkyWasteApplication();
    ((JavascriptExecutor) browser).executeScript("""
        const realFetch = window.fetch;
        window.submissionBodies = [];
        window.fetch = (url, options) => {
          if (String(url).endsWith('/applications') && options && options.method === 'POST') {
            window.submissionBodies.push(options.body);
            if (window.submissionBodies.length === 1) {
              return %s;
            }
          }
          return realFetch(url, options);
        };""".formatted(firstTry));
    long before = app.getBean(JdbcTemplate.class).queryForObject("SELECT count(*) FROM application", Long.class);

    click(By.cssSelector("[data-testid=submit-button]"));

    new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
        By.cssSelector("p.progress[role=status]"), waitingText));
    assertThat(browser.findElement(By.cssSelector("p.progress[role=status]")).getText()).contains("自動で送ります");
    shoot(screenshot);
    String number = new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions
        .visibilityOfElementLocated(By.cssSelector("[data-testid=application-number]"))).getText();
    assertThat(number).matches("20\\d\\d-\\d{6}");
    @SuppressWarnings("unchecked")
    List<String> bodies = (List<String>) ((JavascriptExecutor) browser).executeScript("return window.submissionBodies");
    assertThat(bodies).hasSize(2);
    assertThat(bodies.get(1)).as("the retry is the same application (same clientRequestId)").isEqualTo(bodies.get(0));
    assertThat(app.getBean(JdbcTemplate.class).queryForObject("SELECT count(*) FROM application", Long.class))
        .isEqualTo(before + 1);
  }

  /**
   * The clerk's triage form in Tasklist (its own form-js 1.8): the resident's photo shown from the staff API
   * through {@code attachmentLinks} in the form's HTML view.
   */
  private void shootTasklistForm(String taskId) throws Exception {
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
    try {
      browser.get(base + "/camunda/app/tasklist/default/");
      visible(By.cssSelector("input[type=password]"));
      browser.findElement(By.cssSelector("input[type=text]")).sendKeys("demo-clerk");
      browser.findElement(By.cssSelector("input[type=password]")).sendKeys("Madoguchi-Clerk-2026!");
      click(By.cssSelector("button[type=submit]"));
      visible(By.cssSelector("[cam-tasklist-navigation], .tasks-list, .task-filters"));
      browser.get(base + "/camunda/app/tasklist/default/#/?task=" + taskId);
      WebElement image = visible(By.cssSelector(".fjs-container img[alt='1枚目']"));
      assertThat(image.getAttribute("src")).startsWith(base + "/api/demo/admin/attachments/");
      // loaded with the Tasklist login, past Tasklist's Content-Security-Policy
      new WebDriverWait(browser, Duration.ofSeconds(15)).until(driver -> (Boolean) ((JavascriptExecutor) driver)
          .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", image));
      assertThat(browser.findElement(By.cssSelector(".fjs-container")).getText())
          .contains("道路の穴・段差", "道路課", "緊急", "地図で見る");
      HeadlessChromium.screenshot(browser, "tasklist-road-triage");
    } finally {
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 1000));
    }
  }

  private static void runJobs(String number) {
    BulkyWasteApplications.runJobs(app.getBean(ManagementService.class), instanceOf(number));
  }

  private static String instanceOf(String number) {
    return app.getBean(JdbcTemplate.class).queryForObject(
        "SELECT process_instance_id FROM application WHERE number = ? AND tenant_id = 'demo'", String.class, number);
  }

  /** Hanako's bulky-waste application, filled in and confirmed: the send button is showing. */
  private void confirmBulkyWasteApplication() {
    browser.get(base + "/liff/demo/");
    click(By.cssSelector("[data-testid=dev-resident][data-user-id='" + HANAKO + "']"));
    visible(By.cssSelector("[data-testid=procedure-card]"));
    browser.get(base + "/liff/demo/apply/bulky-waste-collection");
    restoreDraft("bulky-waste-collection", HANAKO, """
            {"items": [{"name": "本棚", "size": "M", "quantity": 1}], "applicantName": "山田 花子", "address": "デモ市南町7-8",
             "preferredDate1": "%s", "phone": "090-1234-5678"}""".formatted(TestDates.daysAhead(25)));
    click(By.cssSelector("[data-testid=confirm-button]"));
    visible(By.cssSelector("[data-testid=submit-button]"));
  }

  /**
   * On a procedure's apply page: a draft the resident left earlier in this browser, which the page
   * restores when it is opened again; returns the page's notice.
   */
  private static WebElement restoreDraft(String procedureKey, String userId, String draftJson) {
    visible(By.cssSelector("[data-testid=confirm-button]"));
    ((JavascriptExecutor) browser).executeScript("localStorage.setItem(arguments[0], arguments[1])",
        "madoguchi:draft:demo:" + procedureKey + ":" + userId, draftJson);
    browser.navigate().refresh();
    return visible(By.cssSelector("[data-testid=message]"));
  }

  private static WebElement visible(By locator) {
    return HeadlessChromium.visible(browser, locator);
  }

  private static void click(By locator) {
    HeadlessChromium.click(browser, locator);
  }

  /** Keeps a screenshot and checks the page with axe-core: no serious or critical violation. */
  private static void shoot(String name) throws Exception {
    HeadlessChromium.screenshot(browser, "liff-" + name);
    assertThat(HeadlessChromium.seriousAccessibilityViolations(browser)).as("accessibility of " + name).isEmpty();
    assertThat(HeadlessChromium.contentSecurityViolations(browser)).as("Content-Security-Policy on " + name).isEmpty();
  }
}
