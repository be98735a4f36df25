package jp.madoguchi.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.madoguchi.BulkyWasteApplications;
import jp.madoguchi.HeadlessChromium;
import jp.madoguchi.MadoguchiApplication;
import jp.madoguchi.TestDates;
import jp.madoguchi.TestFolders;
import jp.madoguchi.application.ResidentApplicationCommands;
import jp.madoguchi.application.ResidentSubmissions;
import jp.madoguchi.attachment.Attachments;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A clerk's day in Camunda Tasklist itself (its bundled form-js), in a browser set to Japanese on the
 * embedded demo: Japanese webapps without the Camunda 8 banner, the department queue first with the
 * application's number, applicant and address on the card, a review form with option labels, 和暦
 * dates and the resident's photo inline, every value kept when the clerk types fast, a second review
 * after a 差戻し that starts empty and shows what changed; Cockpit and Admin in Japanese too.
 * Screenshots go to target/screenshots.
 */
@Tag("own-jvm")
class ClerkTasklistBrowserTests {

  private static final String HANAKO = "U0000000000000000000000000000demo1";
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String PREFERRED_DAY = TestDates.daysAhead(14);
  private static final String COLLECTION_DAY = TestDates.daysAhead(19);

  private static ConfigurableApplicationContext app;
  private static WebDriver browser;
  private static String base;

  @BeforeAll
  static void start() throws Exception {
    MadoguchiApplication.useJapanStandardTime();
    // no public URL: the photos in the forms point at the port the app really listens on
    app = new SpringApplicationBuilder(MadoguchiApplication.class).run("--server.port=0",
        "--madoguchi.embedded-db.data-dir=" + TestFolders.create("madoguchi-clerk-"),
        "--madoguchi.tenants-seed=", "--camunda.bpm.job-execution.enabled=false");
    base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
    browser = HeadlessChromium.start("1400,1600");
    // a clerk's PC in Japan
    ((ChromeDriver) browser).executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "Asia/Tokyo"));
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
  void shouldOpenTasklistInJapaneseOnTheDepartmentQueueWithTheApplicationOnTheCardAndInTheForm() throws Exception {
    String number = submitWithPhoto(BulkyWasteApplicationsData.withName("山田 花子"));

    logIn("/camunda/app/tasklist/default/", "demo-clerk", "Madoguchi-Clerk-2026!");
    WebElement card = visible(By.cssSelector("li.task"));
    new WebDriverWait(browser, WAIT).until(driver -> card.getText().contains(number));

    assertNoCamunda8Banner();
    assertThat(visible(By.cssSelector(".task-filters .task-filter.active")).getText())
        .contains("部署の未処理");
    assertThat(card.getText()).contains(number, "山田 花子", "デモ市中央1-2-3", "期限", "50");
    assertThat(browser.findElement(By.tagName("body")).getText()).contains("キーボードショートカット", "プロセスを開始")
        .doesNotContain("Keyboard Shortcuts", "Start process");
    shoot("tasklist-department-queue");

    card.findElement(By.cssSelector(".clickable")).click();
    WebElement form = visible(By.cssSelector(".fjs-container"));
    new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBePresentInElement(form, "申込者"));
    assertThat(form.getText()).contains("受付番号: " + number, "申込者: 山田 花子", "ソファ（大きさ 1.5m〜2m）× 1",
        "自転車（大きさ 1m〜1.5m）× 2", "第1 " + ReadableValues.text(PREFERRED_DAY))
        .doesNotContain("大きさ L", PREFERRED_DAY, "第2", "⚠");
    WebElement photo = visible(By.cssSelector(".fjs-container img[alt='1枚目']"));
    new WebDriverWait(browser, WAIT).until(driver -> ((Number) ((JavascriptExecutor) driver)
        .executeScript("return arguments[0].naturalWidth", photo)).intValue() > 0);
    assertThat(photo.getAttribute("src")).startsWith(base + "/api/demo/admin/attachments/");
    shoot("tasklist-bulky-waste-review");
  }

  @Test
  void shouldKeepEveryValueTheClerkTypesInQuickSuccessionAndReadDatesTheJapaneseWay() throws Exception {
    String number = submitWithPhoto(BulkyWasteApplicationsData.withName("佐藤 一郎"));
    TaskService tasks = app.getBean(TaskService.class);
    String taskId = tasks.createTaskQuery().processInstanceBusinessKey(number).singleResult().getId();
    tasks.claim(taskId, "demo-clerk");

    logIn("/camunda/app/tasklist/default/", "demo-clerk", "Madoguchi-Clerk-2026!");
    openForm(taskId);
    clickLabel("承認（収集日を決定）");
    completeButton().click();
    new WebDriverWait(browser, WAIT).until(driver -> errorOf("Field_TicketNumber").equals("この項目は必須です。"));
    shoot("tasklist-approval-incomplete");
    // Tasklist's notice that the form is not complete yet, which the clerk closes
    visible(By.cssSelector("[uib-alert] button.close[ng-click^='removeNotification']")).click();
    new WebDriverWait(browser, WAIT).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[uib-alert]")));

    // typed one after the other at once: form-js 1.8 took typed text 300 ms after the last key, and when
    // the fields typed before had the form drawn again meanwhile, it showed the ticket number empty
    // and then took the empty text
    WebElement date = visible(By.cssSelector(".fjs-container input[id$='Field_CollectionDate-date']"));
    assertThat(date.getAttribute("placeholder")).as("the date format is Japanese on every PC").isEqualTo("yyyy/mm/dd");
    // a day already past: the picker refuses it and empties the field; the clerk is told why
    String past = TestDates.typed(TestDates.daysAgo(2));
    date.sendKeys(past + Keys.ENTER);
    assertThat(visible(By.cssSelector(".fjs-form-field:has(input[id*='Field_CollectionDate']) .madoguchi-refused-day"))
        .getText()).isEqualTo(past + " は過ぎた日です。今日以降の日付を入力してください。");
    assertThat(date.getAttribute("value")).isEmpty();
    shoot("tasklist-approval-passed-day");
    date.sendKeys(TestDates.typed(COLLECTION_DAY) + Keys.ENTER);
    browser.findElement(By.cssSelector(".fjs-container input[id$='Field_Fee']")).sendKeys("1200");
    WebElement ticket = browser.findElement(By.cssSelector(".fjs-container input[id$='Field_TicketNumber']"));
    ticket.sendKeys("T-2026-0042");
    new WebDriverWait(browser, WAIT).withMessage(() -> "messages left: 収集日「" + errorOf("Field_CollectionDate")
        + "」 手数料「" + errorOf("Field_Fee") + "」 処理券番号「" + errorOf("Field_TicketNumber") + "」 (typed: "
        + ticket.getAttribute("value") + ")").until(driver -> errorOf("Field_TicketNumber").isEmpty()
        && errorOf("Field_CollectionDate").isEmpty() && errorOf("Field_Fee").isEmpty());
    assertThat(ticket.getAttribute("value")).isEqualTo("T-2026-0042");
    assertThat(date.getAttribute("value")).isEqualTo(TestDates.typed(COLLECTION_DAY));
    shoot("tasklist-approval-typed");
    completeButton().click();

    new WebDriverWait(browser, WAIT).until(driver -> tasks.createTaskQuery().taskId(taskId).count() == 0);
    HistoryService history = app.getBean(HistoryService.class);
    String instanceId = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number).singleResult()
        .getId();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instanceId)
        .variableName("collectionDate").singleResult().getValue()).isEqualTo(COLLECTION_DAY);
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instanceId)
        .variableName("ticketNumber").singleResult().getValue()).isEqualTo("T-2026-0042");
  }

  /** Releasing a claimed task was refused (403) as if it changed the task's candidate groups. */
  @Test
  void shouldLetTheClerkClaimATaskAndReleaseItAgainInTasklist() throws Exception {
    String number = submitWithPhoto(BulkyWasteApplicationsData.withName("高橋 三郎"));
    TaskService tasks = app.getBean(TaskService.class);
    String taskId = tasks.createTaskQuery().processInstanceBusinessKey(number).singleResult().getId();

    logIn("/camunda/app/tasklist/default/", "demo-clerk", "Madoguchi-Clerk-2026!");
    openForm(taskId);
    HeadlessChromium.click(browser, By.cssSelector("button.claim"));
    new WebDriverWait(browser, WAIT).until(driver -> "demo-clerk".equals(tasks.createTaskQuery().taskId(taskId)
        .singleResult().getAssignee()));
    HeadlessChromium.click(browser, By.cssSelector("button.unclaim"));
    new WebDriverWait(browser, WAIT).until(driver -> tasks.createTaskQuery().taskId(taskId).singleResult()
        .getAssignee() == null);
    visible(By.cssSelector("button.claim"));
    shoot("tasklist-released");
  }

  /**
   * 補修完了日 takes no day still to come (the form's custom property disallowFutureDates), a rule
   * Tasklist's form-js does not know: its picker is limited to today and the clerk is told why a typed
   * day vanished, before 完了 (whose refusal by the server said it only after the click).
   */
  @Test
  void shouldRefuseARepairDayStillToComeInThePickerAndSayWhy() throws Exception {
    String number = submitRoadDamage();
    TaskService tasks = app.getBean(TaskService.class);
    tasks.complete(task(number), Map.of("decision", "accept"));
    filed(number);
    tasks.complete(task(number), Map.of("plannedDate", TestDates.daysAhead(7)));
    filed(number);
    String taskId = task(number);
    tasks.claim(taskId, "demo-clerk");

    logIn("/camunda/app/tasklist/default/", "demo-clerk", "Madoguchi-Clerk-2026!");
    openForm(taskId);
    WebElement date = visible(By.cssSelector(".fjs-container input[id$='Field_RepairedDate-date']"));
    String tomorrow = TestDates.typed(TestDates.daysAhead(1));
    date.sendKeys(tomorrow + Keys.ENTER);
    assertThat(visible(By.cssSelector(".fjs-form-field:has(input[id*='Field_RepairedDate']) .madoguchi-refused-day"))
        .getText()).isEqualTo(tomorrow + " はまだ来ていない日です。今日までの日付を入力してください。");
    assertThat(date.getAttribute("value")).as("the picker refused the day").isEmpty();
    shoot("tasklist-repair-day-to-come");

    // the first of this month: never to come, and a day of one digit, which Tasklist wrote 2026/12/1
    String firstOfMonth = TestDates.typed(LocalDate.now(TestDates.JST).withDayOfMonth(1).toString());
    date.sendKeys(firstOfMonth + Keys.ENTER);
    new WebDriverWait(browser, WAIT).until(ExpectedConditions.invisibilityOfElementLocated(
        By.cssSelector(".madoguchi-refused-day")));
    assertThat(date.getAttribute("value")).isEqualTo(firstOfMonth);
  }

  private static String task(String number) {
    return app.getBean(TaskService.class).createTaskQuery().processInstanceBusinessKey(number).singleResult().getId();
  }

  /** A road-damage report with a photo, filed through the resident's API path, its first steps run. */
  private static String submitRoadDamage() throws Exception {
    UUID photo = app.getBean(Attachments.class).store("demo", HANAKO, "hole.jpg", jpeg()).id();
    ObjectNode data = (ObjectNode) new ObjectMapper().readTree("""
        {"category": "道路の穴・段差", "dangerous": false, "description": "歩道に穴があります。",
         "locationAddress": "デモ市中央1-2", "applicantName": "山田 花子", "latitude": 35.68, "longitude": 139.76}""");
    data.putArray("photos").add(photo.toString());
    return filed(app.getBean(ResidentSubmissions.class)
        .submit("demo", HANAKO, "road-damage-report", data, UUID.randomUUID()).applicationNumber());
  }

  /** The validation message form-js shows under the field whose id ends so ("" when there is none). */
  private static String errorOf(String fieldId) {
    return browser.findElements(By.cssSelector(".fjs-container .fjs-form-field:has(input[id*='" + fieldId
        + "']) .fjs-form-field-error")).stream().map(WebElement::getText).findFirst().orElse("");
  }

  @Test
  void shouldStartTheSecondReviewEmptyAndShowWhatTheResidentChanged() throws Exception {
    ObjectNode data = BulkyWasteApplicationsData.withName("山田 花子");
    String number = submitWithPhoto(data);
    TaskService tasks = app.getBean(TaskService.class);
    String firstReview = tasks.createTaskQuery().processInstanceBusinessKey(number).singleResult().getId();
    tasks.complete(firstReview, Map.of("decision", "return", "returnComment", "ソファの大きさをもう一度測ってください。"));
    data.withArray("items").remove(1);
    ((ObjectNode) data.withArray("items").get(0)).put("size", "M");
    data.put("phone", "080-1111-2222");
    app.getBean(ResidentApplicationCommands.class).correct("demo", HANAKO, number, data, null);
    String secondReview = tasks.createTaskQuery().processInstanceBusinessKey(number).singleResult().getId();
    tasks.claim(secondReview, "demo-clerk");

    logIn("/camunda/app/tasklist/default/", "demo-clerk", "Madoguchi-Clerk-2026!");
    WebElement form = openForm(secondReview);
    new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBePresentInElement(form, "これまでの提出内容"));

    assertThat(browser.findElements(By.cssSelector(".fjs-container input[type=radio]:checked")))
        .as("nothing of the first review is chosen").isEmpty();
    assertThat(form.getText()).contains("差戻しコメント: ソファの大きさをもう一度測ってください。",
        "出す品目: ［品目（例：ソファ、自転車）：ソファ、大きさ（いちばん長い辺）：1.5m〜2m、数量：1］",
        "→ ［品目（例：ソファ、自転車）：ソファ、大きさ（いちばん長い辺）：1m〜1.5m、数量：1］",
        "日中の連絡先電話番号: 090-1234-5678 → 080-1111-2222");
    clickLabel("差戻し（住民に修正を依頼）");
    assertThat(visible(By.cssSelector(".fjs-container textarea[id$='Field_ReturnComment']")).getAttribute("value"))
        .as("the previous comment is not filled in").isEmpty();
    shoot("tasklist-second-review");
  }

  /** Tasklist says so in its own words only when the answer reads like Camunda's "No matching task". */
  @Test
  void shouldSayATaskOfAnotherDepartmentNoLongerExistsLikeACompletedOne() throws Exception {
    String number = submitWithPhoto(BulkyWasteApplicationsData.withName("鈴木 次郎"));
    String taskId = app.getBean(TaskService.class).createTaskQuery().processInstanceBusinessKey(number).singleResult()
        .getId();

    logIn("/camunda/app/tasklist/default/", "demo-chief", "Madoguchi-Chief-2026!");
    browser.get(base + "/camunda/app/tasklist/default/#/?task=" + taskId + "&detailsTab=task-detail-form");

    new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
        "このタスクはもう存在しません"));
    assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("鈴木 次郎", number);
  }

  @Test
  void shouldServeCockpitAndAdminInJapaneseWithoutTheBanner() throws Exception {
    logIn("/camunda/app/cockpit/default/", "demo-operator", "Madoguchi-Ops-2026!");
    new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
        "プロセス定義"));
    assertNoCamunda8Banner();
    assertThat(browser.findElement(By.tagName("body")).getText()).contains("実行中のプロセスインスタンス", "デプロイ")
        .doesNotContain("Running Process Instances", "Deployments", "Processes");
    shoot("cockpit-dashboard");

    // from Admin's own menu: a page opened directly by its address may be drawn before Camunda has
    // loaded the translations, and then names some titles by their keys (USERS_USERS)
    browser.get(base + "/camunda/app/admin/default/");
    HeadlessChromium.click(browser, By.cssSelector("a[href='#/users']"));
    new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
        "ユーザーの一覧"));
    assertNoCamunda8Banner();
    assertThat(browser.findElement(By.tagName("body")).getText()).contains("グループ", "権限")
        .doesNotContain("List of Users", "USERS_USERS");
    shoot("admin-users");
  }

  @Test
  void shouldListTheDemoAccountsOnTheLandingPage() throws Exception {
    browser.manage().deleteAllCookies();
    browser.get(base + "/");
    String page = visible(By.tagName("main")).getText();

    assertThat(page).contains("デモ用のアカウント", "demo-clerk", "Madoguchi-Clerk-2026!", "demo-operator",
        "LINE シミュレーター", "デモ市の責任者（管理コンソール・Tasklist・Cockpit）");
    browser.findElement(By.cssSelector("a.role[href='/admin/demo/']")).click();
    new WebDriverWait(browser, WAIT).until(ExpectedConditions.urlContains("/admin/demo/"));
    shoot("landing-demo");
  }

  /** A bulky-waste application with a photo, filed through the resident's API path. */
  private static String submitWithPhoto(ObjectNode data) throws Exception {
    UUID photo = app.getBean(Attachments.class).store("demo", HANAKO, "sofa.jpg", jpeg()).id();
    data.putArray("photo").add(photo.toString());
    return filed(app.getBean(ResidentSubmissions.class)
        .submit("demo", HANAKO, "bulky-waste-collection", data, UUID.randomUUID()).applicationNumber());
  }

  private static byte[] jpeg() throws Exception {
    BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
    image.getGraphics().fillRect(40, 40, 200, 120);
    ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
    ImageIO.write(image, "jpeg", jpeg);
    return jpeg.toByteArray();
  }

  /** The application's steps up to its first task run (the job executor is off in this test). */
  private static String filed(String number) {
    String instanceId = app.getBean(RuntimeService.class).createProcessInstanceQuery().processInstanceBusinessKey(number)
        .singleResult().getId();
    BulkyWasteApplications.runJobs(app.getBean(ManagementService.class), instanceId);
    return number;
  }

  private static void logIn(String page, String user, String password) {
    browser.manage().deleteAllCookies();
    browser.get(base + page);
    HeadlessChromium.logInToCamunda(browser, WAIT, user, password);
    new WebDriverWait(browser, WAIT).until(ExpectedConditions.invisibilityOfElementLocated(
        By.cssSelector("input[ng-model='username']")));
  }

  private static WebElement openForm(String taskId) {
    browser.get(base + "/camunda/app/tasklist/default/#/?task=" + taskId + "&detailsTab=task-detail-form");
    return visible(By.cssSelector(".fjs-container"));
  }

  private static void clickLabel(String text) {
    HeadlessChromium.click(browser, By.xpath("//label[contains(normalize-space(.), '" + text + "')]"));
  }

  /** The form's 完了 button, scrolled to the middle of the pane as a clerk would (not under the footer). */
  private static WebElement completeButton() {
    WebElement button = browser.findElement(By.cssSelector("button[ng-click='complete()']"));
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
    return button;
  }

  private static void assertNoCamunda8Banner() {
    assertThat(browser.findElements(By.cssSelector(".ce-eol-banner")).stream().noneMatch(WebElement::isDisplayed))
        .as("no 'migrate to Camunda 8' banner").isTrue();
    assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("Camunda 8");
  }

  private static WebElement visible(By locator) {
    return new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  private static void shoot(String name) throws Exception {
    HeadlessChromium.screenshot(browser, name);
  }

  /** The data a resident sends for a bulky-waste collection (the form's JSON). */
  private static final class BulkyWasteApplicationsData {

    static ObjectNode withName(String name) throws Exception {
      return (ObjectNode) new ObjectMapper().readTree("""
          {"applicantName": "%s", "items": [{"name": "ソファ", "size": "L", "quantity": 1},
           {"name": "自転車", "size": "M", "quantity": 2}], "address": "デモ市中央1-2-3",
           "preferredDate1": "%s", "phone": "090-1234-5678"}""".formatted(name, PREFERRED_DAY));
    }
  }
}
