package jp.madoguchi.liff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jp.madoguchi.HeadlessChromium;
import jp.madoguchi.MadoguchiApplication;
import jp.madoguchi.TestDates;
import jp.madoguchi.TestFolders;
import jp.madoguchi.procedure.ProcedureCatalog;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The resident's side where people stumbled, in Debian's headless Chromium on the embedded demo:
 * 「申請」 in the LINE simulator with five procedures, a link from the chat that keeps the demo
 * resident signed in, the applicant's name taken from LINE, dates on a phone set to English, a
 * mistyped address. Screenshots go to target/screenshots; the resident's pages are checked with axe-core.
 */
@Tag("own-jvm")
class ResidentChatAndFormBrowserTests {

  private static final String HANAKO = "U0000000000000000000000000000demo1";
  private static final Path EXAMPLE = Path.of("../examples/add-a-procedure");
  private static final Duration WAIT = Duration.ofSeconds(60);
  /** LINE's in-app browser on an iPhone: flatpickr would switch to the phone's own date input there. */
  private static final String IPHONE_LINE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15"
      + " (KHTML, like Gecko) Mobile/15E148 Line/14.0.0";

  private static ConfigurableApplicationContext app;
  private static WebDriver browser;
  private static String base;

  @BeforeAll
  static void start() throws Exception {
    MadoguchiApplication.useJapanStandardTime();
    app = new SpringApplicationBuilder(MadoguchiApplication.class).run("--server.port=0",
        "--madoguchi.embedded-db.data-dir=" + TestFolders.create("madoguchi-resident-"),
        "--madoguchi.tenants-seed=", "--camunda.bpm.job-execution.enabled=false");
    base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
    // a fifth procedure, as the README's example deploys it for デモ市
    app.getBean(RepositoryService.class).createDeployment().tenantId("demo").name("garbage-station-request")
        .addString("garbage-station-request.bpmn", Files.readString(EXAMPLE.resolve("garbage-station-request.bpmn")))
        .addString("apply.form", Files.readString(EXAMPLE.resolve("forms/garbage-station-request/apply.form")))
        .addString("review.form", Files.readString(EXAMPLE.resolve("forms/garbage-station-request/review.form")))
        .deploy();
    offeredProcedures(5);
    // a phone in Japan set to English: dates must still be typed and read the Japanese way
    ChromeDriver phone = HeadlessChromium.start("390,1000", "en-US");
    phone.executeCdpCommand("Emulation.setUserAgentOverride", Map.of("userAgent", IPHONE_LINE, "acceptLanguage", "en-US",
        "platform", "iPhone"));
    phone.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "Asia/Tokyo"));
    browser = phone;
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
  void phoneSized() {
    browser.manage().window().setSize(new Dimension(390, 1000));
  }

  @Test
  void shouldOfferEveryProcedureInTheChatAndOpenTheCatalogueAsTheChatsResident() throws Exception {
    // the simulator is a developer's page for a desktop; the LIFF page it opens is the phone's
    browser.manage().window().setSize(new Dimension(1280, 1000));
    browser.get(base + "/line-simulator/");
    visible(By.cssSelector("#residents button[aria-current='true']"));
    browser.findElement(By.id("text")).sendKeys("申請");
    browser.findElement(By.cssSelector("#composer button[type=submit]")).click();

    List<WebElement> cards = new WebDriverWait(browser, WAIT).until(driver -> {
      List<WebElement> found = driver.findElements(By.cssSelector("#chat .carousel .card"));
      return found.size() >= 6 ? found : null;
    });
    String chat = browser.findElement(By.id("chat")).getText();
    assertThat(chat).contains("粗大ごみ収集申込", "住民票の写し", "道路・公園等の損傷通報", "児童手当", "ごみ集積所の設置・移設の相談",
        "すべての手続（5件）");
    assertThat(cards).hasSize(6);
    assertThat(cards.subList(0, 5)).allSatisfy(card ->
        assertThat(card.findElement(By.cssSelector(".actions a")).getText()).isEqualTo("申請する"));
    shoot("line-simulator-apply-carousel");

    String catalogue = cards.get(5).findElement(By.cssSelector(".actions a")).getAttribute("href");
    phoneSized();
    assertThat(catalogue).startsWith(base + "/liff/demo/").contains("demoResident=" + HANAKO);
    browser.get(catalogue);
    assertThat(visible(By.cssSelector("[data-testid=dev-resident][aria-pressed='true']")).getAttribute("data-user-id"))
        .isEqualTo(HANAKO);
    assertThat(browser.findElements(By.cssSelector("[data-testid=procedure-card]"))).hasSize(5);
    assertThat(browser.getCurrentUrl()).doesNotContain("demoResident");
    shootResidentPage("liff-catalogue-from-chat");
  }

  @Test
  void shouldTakeTheNameFromLineAndReadDatesTheJapaneseWayOnAPhoneSetToEnglish() throws Exception {
    browser.get(base + "/liff/demo/apply/garbage-station-request?demoResident=" + HANAKO);
    WebElement name = visible(By.cssSelector("input[id$='Field_ApplicantName']"));
    assertThat(name.getAttribute("value")).isEqualTo("山田 花子");
    assertThat(visible(By.cssSelector("[data-testid=name-hint]")).getText()).contains("LINE の表示名");

    WebElement date = browser.findElement(By.cssSelector(".fjs-datepicker input"));
    assertThat(date.getAttribute("placeholder")).isEqualTo("例：2026/12/01");
    // a day already past: the picker refuses it and empties the field; the hint says why
    String past = TestDates.daysAgo(3);
    date.sendKeys(TestDates.typed(past));
    browser.findElement(By.cssSelector("input[id$='Field_Address']")).click();
    new WebDriverWait(browser, WAIT).until(driver -> date.getAttribute("value").isEmpty());
    WebElement pastHint = visible(By.cssSelector(".wareki-hint.wareki-invalid"));
    assertThat(pastHint.getText()).isEqualTo(TestDates.wareki(past) + "（" + TestDates.weekday(past)
        + "）は過ぎた日です。今日以降の日付を入力してください");
    HeadlessChromium.screenshot(browser, "liff-apply-past-date");

    String first = TestDates.daysAhead(14);
    date.sendKeys(TestDates.typed(first));
    browser.findElement(By.cssSelector("input[id$='Field_Address']")).click();
    new WebDriverWait(browser, WAIT).until(driver -> TestDates.typed(first).equals(date.getAttribute("value")));
    assertThat(visible(By.cssSelector(".wareki-hint")).getText())
        .isEqualTo(TestDates.wareki(first) + "（" + TestDates.weekday(first) + "）");
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", date);
    HeadlessChromium.screenshot(browser, "liff-apply-english-phone");
    assertThat(HeadlessChromium.seriousAccessibilityViolations(browser)).as("accessibility of the form").isEmpty();

    date.clear();
    LocalDate second = LocalDate.parse(TestDates.daysAhead(15));
    // 令和 began in 2019: R1 is 2019
    date.sendKeys("R" + (second.getYear() - 2018) + "." + second.getMonthValue() + "." + second.getDayOfMonth());
    browser.findElement(By.cssSelector("input[id$='Field_Address']")).click();
    new WebDriverWait(browser, WAIT).until(driver -> TestDates.typed(second.toString()).equals(date.getAttribute("value")));
    name.clear();
    name.sendKeys("山田 花子（代理 山田 一郎）");
    clickLabel("新しく設置したい");
    browser.findElement(By.cssSelector("input[id$='Field_Address']")).sendKeys("デモ市中央3-4 付近");
    browser.findElement(By.cssSelector("input[id$='Field_Households']")).sendKeys("12");
    browser.findElement(By.cssSelector("input[id$='Field_Phone']")).sendKeys("090-1234-5678");
    HeadlessChromium.click(browser, By.cssSelector("[data-testid=confirm-button]"));
    visible(By.cssSelector("[data-testid=submit-button]"));
    assertThat(browser.findElement(By.tagName("main")).getText())
        .contains("山田 花子（代理 山田 一郎）", second.getYear() + "年（令和" + (second.getYear() - 2018) + "年）"
            + second.getMonthValue() + "月" + second.getDayOfMonth() + "日（" + TestDates.weekday(second.toString()) + "）");
    shootResidentPage("liff-confirm-english-phone");
  }

  @Test
  void shouldKeepABirthDateToTodayOrEarlierAndSayWhyAFutureOneIsNotTaken() throws Exception {
    browser.get(base + "/liff/demo/apply/child-allowance?demoResident=" + HANAKO);
    WebElement birthDate = visible(By.cssSelector("input[id$='Field_ApplicantBirthDate-date']"));
    String tomorrow = TestDates.daysAhead(1);

    birthDate.sendKeys(TestDates.typed(tomorrow) + Keys.ENTER);
    new WebDriverWait(browser, WAIT).until(driver -> birthDate.getAttribute("value").isEmpty());
    WebElement hint = visible(By.cssSelector(".fjs-form-field:has(input[id$='Field_ApplicantBirthDate-date']) .wareki-hint"));
    assertThat(hint.getText()).isEqualTo(TestDates.wareki(tomorrow) + "（" + TestDates.weekday(tomorrow)
        + "）はまだ来ていない日です。今日までの日付を入力してください");
    assertThat(hint.getAttribute("class")).contains("wareki-invalid");
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", birthDate);
    HeadlessChromium.screenshot(browser, "liff-apply-future-birth-date");

    birthDate.sendKeys("1990/04/01" + Keys.ENTER);
    new WebDriverWait(browser, WAIT).until(driver -> "1990/04/01".equals(birthDate.getAttribute("value")));
    assertThat(hint.getText()).isEqualTo("平成2年4月1日（日）");
  }

  @Test
  void shouldAnswerAMistypedAddressWithAJapanesePageThatLeadsBack() throws Exception {
    browser.get(base + "/liff/demo/aply/bulky-waste-collection?demoResident=" + HANAKO);
    WebElement main = visible(By.tagName("main"));
    new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBePresentInElement(main, "見つかりませんでした"));
    assertThat(visible(By.cssSelector("main a[href='/liff/demo/']")).getText()).contains("手続一覧");
    shootResidentPage("liff-not-found");

    browser.get(base + "/liff/demo/assets/no-such-file.js");
    assertThat(visible(By.tagName("h1")).getText()).isEqualTo("ページが見つかりません");
    shoot("not-found-page");
  }

  @Test
  void shouldTellTheResidentInJapaneseWhenAProcedureCannotBeUsed() throws Exception {
    RepositoryService repository = app.getBean(RepositoryService.class);
    Deployment broken = ResidentErrorTests.deployBroken(repository, app.getBean(JdbcTemplate.class), "demo");
    try {
      offeredProcedures(6);
      browser.get(base + "/liff/demo/apply/" + ResidentErrorTests.BROKEN_KEY + "?demoResident=" + HANAKO);

      assertThat(visible(By.cssSelector("[data-testid=message]")).getText())
          .startsWith("この手続は、ただいま受け付けを止めています。").doesNotContain("Exception", "pattern");
      shootResidentPage("liff-procedure-unavailable");
    } finally {
      // the other tests count the procedures デモ市 offers
      repository.deleteDeployment(broken.getId(), true);
      offeredProcedures(5);
    }
  }

  /** Waits until デモ市's catalogue (which takes in deployments within seconds) offers so many procedures. */
  private static void offeredProcedures(int count) {
    new FluentWait<>(app.getBean(ProcedureCatalog.class)).withTimeout(WAIT).pollingEvery(Duration.ofMillis(200))
        .until(catalogue -> catalogue.forTenant("demo").size() == count);
  }

  private static void clickLabel(String text) {
    HeadlessChromium.click(browser, By.xpath("//label[contains(normalize-space(.), '" + text + "')]"));
  }

  private static WebElement visible(By locator) {
    return new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  private static void shootResidentPage(String name) throws Exception {
    shoot(name);
    assertThat(HeadlessChromium.seriousAccessibilityViolations(browser)).as("accessibility of " + name).isEmpty();
  }

  private static void shoot(String name) throws Exception {
    ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
    HeadlessChromium.screenshot(browser, name);
  }
}
