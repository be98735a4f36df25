package jp.madoguchi.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.madoguchi.MadoguchiApplication;
import jp.madoguchi.TestFolders;
import jp.madoguchi.gate.AllowLists;
import jp.madoguchi.login.LoginLocks;
import jp.madoguchi.staff.StaffDirectory;
import jp.madoguchi.staff.StaffDirectory.StaffView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The console's administration pages in a real browser (ja-JP), against the real tenant-admin API:
 * the 責任者 registers a member, changes their roles, disables them, lifts their login lock, resets
 * their password and deletes them; changes the IP allow-list past the warning about their own
 * address; searches the access and operation log, pages, downloads the CSV and verifies the chain;
 * names the departments and adds one; reads the procedures with their information labels. Screenshots console-1x-*.png, axe per page.
 * A clerk and another tenant's administrator get neither the pages nor the API.
 */
@Tag("own-jvm")
class ConsoleAdministrationBrowserTests {

  private static final String MEMBER = "sato-hanako";
  private static final List<String> SEED_ALLOW_LIST = List.of("127.0.0.0/8", "::1/128");

  private static ConfigurableApplicationContext app;
  private static ConsoleBrowser browser;
  private static String base;

  @BeforeAll
  static void start() throws Exception {
    MadoguchiApplication.useJapanStandardTime();
    app = new SpringApplicationBuilder(MadoguchiApplication.class).run("--server.port=0",
        "--madoguchi.embedded-db.data-dir=" + TestFolders.create("madoguchi-console-admin-"),
        "--madoguchi.tenants-seed=classpath:seed/test-tenants.yaml", "--camunda.bpm.job-execution.enabled=false",
        "--madoguchi.line.workers-enabled=false");
    base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
    browser = ConsoleBrowser.start(Files.createTempDirectory(Path.of("target"), "console-admin-downloads-"));
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
  void shouldLetTheTenantAdminManageStaffAllowListLogsAndSeeProcedures() throws Exception {
    browser.driver.get(base + "/admin/demo/staff");
    browser.logIn("demo-admin", "Madoguchi-Admin-2026!");
    assertThat(browser.visible(By.cssSelector("[data-testid=staff]")).getText()).contains("demo-admin", "demo-clerk");
    browser.check("console-11-staff");

    try {
      manageAMember();
      nameTheDepartments();
      changeTheAllowList();
      searchTheLogs();
      readTheProcedures();
    } catch (AssertionError failure) {
      throw new AssertionError(failure.getMessage() + "\nthe server's last access-log entries: " + lastAccessLogEntries(), failure);
    }
  }

  /** What the server saw of the last requests (for a failure message: a session that ends is a race to explain). */
  private static List<String> lastAccessLogEntries() {
    return app.getBean(JdbcTemplate.class).query("SELECT occurred_at, kind, actor, method, route, status FROM audit_entry "
        + "WHERE category = 'ACCESS' ORDER BY occurred_at DESC LIMIT 15",
        (rs, row) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4) + " "
            + rs.getString(5) + " -> " + rs.getString(6));
  }

  private void manageAMember() throws Exception {
    StaffDirectory staff = app.getBean(StaffDirectory.class);
    browser.click(By.cssSelector("[data-testid=staff-new]"));
    browser.visible(By.cssSelector("[data-testid=staff-id]")).sendKeys(MEMBER);
    browser.driver.findElement(By.cssSelector("[data-testid=staff-last-name]")).sendKeys("佐藤");
    browser.driver.findElement(By.cssSelector("[data-testid=staff-first-name]")).sendKeys("花子");
    browser.click(By.cssSelector("[data-testid=member-waste-section]"));
    browser.driver.findElement(By.cssSelector("[data-testid=staff-password]")).sendKeys("Shokuin-Kari-2026!");
    browser.check("console-12-staff-register");
    browser.click(By.cssSelector("[data-testid=staff-save]"));
    WebElement row = browser.visible(row(MEMBER));
    assertThat(row.getText()).contains("佐藤 花子", "waste-section", "有効", "パスワード変更待ち");
    StaffView created = staff.find("demo", MEMBER).orElseThrow();
    assertThat(created.departments()).containsExactly("waste-section");
    assertThat(created.mustChangePassword()).isTrue();

    // roles: chief of waste-section, also in citizen-section
    browser.click(button(MEMBER, "edit"));
    browser.click(By.cssSelector("[data-testid=chief-waste-section]"));
    browser.click(By.cssSelector("[data-testid=member-citizen-section]"));
    browser.click(By.cssSelector("[data-testid=staff-save]"));
    browser.waitForText(row(MEMBER), "係長（waste-section）");
    StaffView promoted = staff.find("demo", MEMBER).orElseThrow();
    assertThat(promoted.departments()).containsExactly("citizen-section", "waste-section");
    assertThat(promoted.chiefOf()).containsExactly("waste-section");
    assertThat(promoted.tenantAdmin()).isFalse();

    browser.click(button(MEMBER, "toggle-disabled"));
    browser.waitForText(By.cssSelector(".notices"), MEMBER + " を無効にしました");
    assertThat(browser.visible(row(MEMBER)).getText()).contains("無効", "有効にする");
    assertThat(staff.find("demo", MEMBER).orElseThrow().disabled()).isTrue();

    // five failed sign-ins of the account (from another address) lock it
    for (int i = 0; i < 5; i++) {
      app.getBean(LoginLocks.class).failed(MEMBER, "198.51.100.9");
    }
    browser.click(By.cssSelector("[data-nav=staff]"));
    browser.waitForText(row(MEMBER), "ロック中");
    browser.check("console-13-staff-locked");
    browser.click(button(MEMBER, "lift-lock"));
    browser.waitForText(By.cssSelector(".notices"), "ロックを解除しました");
    assertThat(browser.visible(row(MEMBER)).getText()).doesNotContain("ロック中");
    assertThat(staff.find("demo", MEMBER).orElseThrow().lockedUntil()).isNull();

    browser.click(button(MEMBER, "password-reset"));
    browser.click(By.cssSelector("[data-testid=reset-save]"));
    browser.waitForText(By.cssSelector(".notices"), "仮のパスワードは「");

    browser.click(button(MEMBER, "delete"));
    browser.click(By.cssSelector("[data-testid=confirm-yes]"));
    browser.waitForText(By.cssSelector(".notices"), MEMBER + " を削除しました");
    assertThat(browser.driver.findElements(row(MEMBER))).isEmpty();
    assertThat(staff.find("demo", MEMBER)).isEmpty();
  }

  private void nameTheDepartments() throws Exception {
    browser.click(By.cssSelector("[data-nav=departments]"));
    WebElement departments = browser.visible(By.cssSelector("[data-testid=departments]"));
    assertThat(departments.getText()).contains("waste-section", "粗大ごみ収集申込", "road-section", "resident-linking");
    WebElement name = browser.visible(By.cssSelector("[data-testid=department-name-waste-section]"));
    name.sendKeys("環境課 ごみ減量係");
    browser.click(By.cssSelector("[data-testid=department-save-waste-section]"));
    browser.waitForText(By.cssSelector(".notices"), "waste-section の部署名を「環境課 ごみ減量係」にしました");
    browser.visible(By.cssSelector("[data-testid=department-name-child-section]")).sendKeys("こども家庭課");
    browser.click(By.cssSelector("[data-testid=department-save-child-section]"));
    browser.waitForText(By.cssSelector(".notices"), "child-section の部署名を「こども家庭課」にしました");

    browser.visible(By.cssSelector("[data-testid=new-department-id]")).sendKeys("dog-section");
    browser.driver.findElement(By.cssSelector("[data-testid=new-department-name]")).sendKeys("環境課 ごみ減量係");
    browser.click(By.cssSelector("[data-testid=department-add]"));
    browser.waitForText(By.cssSelector(".notices"), "すでにほかの部署 waste-section の名前です");
    WebElement newName = browser.driver.findElement(By.cssSelector("[data-testid=new-department-name]"));
    newName.clear();
    newName.sendKeys("生活衛生課");
    browser.click(By.cssSelector("[data-testid=department-add]"));
    browser.waitForText(By.cssSelector(".notices"), "部署「生活衛生課」（dog-section）を追加しました");
    assertThat(browser.visible(By.cssSelector("[data-testid=department-name-dog-section]")).getAttribute("value"))
        .isEqualTo("生活衛生課");
    browser.check("console-19-departments");

    browser.click(By.cssSelector("[data-nav=staff]"));
    assertThat(browser.visible(row("demo-clerk")).getText()).contains("環境課 ごみ減量係 waste-section");
    browser.click(By.cssSelector("[data-testid=staff-new]"));
    assertThat(browser.visible(By.cssSelector("[data-testid=staff-form] .departments")).getText())
        .contains("生活衛生課 dog-section", "環境課 ごみ減量係 waste-section");
    assertThat(browser.driver.findElement(By.cssSelector("[data-testid=member-dog-section]")).getAttribute("aria-label"))
        .isEqualTo("生活衛生課 の担当");
    browser.click(By.xpath("//form[@data-testid='staff-form']//button[text()='やめる']"));
    assertThat(app.getBean(JdbcTemplate.class).queryForList("SELECT group_id FROM department WHERE tenant_id = 'demo' "
        + "ORDER BY group_id", String.class)).containsExactly("child-section", "dog-section", "waste-section");
  }

  private void changeTheAllowList() throws Exception {
    browser.click(By.cssSelector("[data-nav=ip-allow-list]"));
    String address = browser.visible(By.cssSelector("[data-testid=your-address]")).getText();
    assertThat(address).matches("あなたの今のアドレス：(127\\.0\\.0\\.1|0:0:0:0:0:0:0:1|::1)");
    WebElement cidrs = browser.visible(By.cssSelector("[data-testid=cidrs]"));
    assertThat(cidrs.getAttribute("value")).isEqualTo("127.0.0.0/8\n::1/128");

    cidrs.clear();
    cidrs.sendKeys("203.0.113.0/24");
    assertThat(browser.visible(By.cssSelector("[data-testid=lockout-warning]")).getText()).contains("含まれていません");
    WebElement save = browser.driver.findElement(By.cssSelector("[data-testid=save-cidrs]"));
    assertThat(save.isEnabled()).isFalse();
    browser.click(By.cssSelector("[data-testid=lockout-understood]"));
    assertThat(save.isEnabled()).isTrue();
    browser.check("console-14-ip-allow-list-warning");
    // the server refuses such a list unless it is confirmed
    assertThat(browser.status("PUT", "/api/demo/admin/ip-allow-list", "{\"cidrs\":[\"203.0.113.0/24\"]}")).isEqualTo(409);

    cidrs.sendKeys("\n127.0.0.0/8\n::1/128");
    assertThat(browser.driver.findElement(By.cssSelector("[data-testid=lockout-warning]")).isDisplayed()).isFalse();
    browser.click(By.cssSelector("[data-testid=save-cidrs]"));
    browser.waitForText(By.cssSelector(".notices"), "保存しました。3 件");
    AllowLists allowLists = app.getBean(AllowLists.class);
    assertThat(allowLists.cidrs("demo")).containsExactly("203.0.113.0/24", "127.0.0.0/8", "::1/128");
    allowLists.replace("demo", SEED_ALLOW_LIST);
  }

  private void searchTheLogs() throws Exception {
    // enough of the admin's own requests for a second page of the access log
    ((JavascriptExecutor) browser.driver).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        (async () => {
          for (let i = 0; i < 60; i++) {
            await fetch('/api/demo/admin/console', { headers: { 'X-Requested-With': 'XMLHttpRequest' } });
          }
        })().then(() => done());""");
    browser.click(By.cssSelector("[data-nav=logs]"));
    browser.visible(By.cssSelector("[data-testid=log-total]"));
    new Select(browser.driver.findElement(By.cssSelector("[data-testid=log-category]"))).selectByValue("operation-log");
    browser.visible(By.cssSelector("[data-testid=log-kind]")).sendKeys("staff");
    searchUntil(results -> results.contains("staff.deleted"), "staff.deleted");
    assertThat(browser.driver.findElement(By.cssSelector("[data-testid=log]")).getText())
        .contains("職員の登録", "staff.created", "対象：" + MEMBER, "ロックの解除", "demo-admin");
    browser.check("console-15-operation-log");

    new Select(browser.driver.findElement(By.cssSelector("[data-testid=log-category]"))).selectByValue("access-log");
    browser.driver.findElement(By.cssSelector("[data-testid=log-kind]")).clear();
    browser.driver.findElement(By.cssSelector("[data-testid=log-account]")).sendKeys("demo-admin");
    searchUntil(results -> results.matches("(?s)[\\d,]+ 件（1 / [2-9] ページ、新しい順）.*"), "a second page");
    assertThat(browser.driver.findElement(By.cssSelector("[data-testid=log]")).getText())
        .contains("GET /api/{tenant}/admin/console → 200");
    browser.click(By.cssSelector("[data-testid=log-next]"));
    browser.waitForText(By.cssSelector("[data-testid=log-total]"), "（2 / ");
    browser.click(By.cssSelector("[data-testid=verify-chain]"));
    assertThat(browser.visible(By.cssSelector("[data-testid=chain-valid]")).getText()).contains("改ざんは見つかりませんでした");
    // the head shown can be noted, and checked against the chain later
    Matcher head = Pattern.compile("通番 (\\d+)、ハッシュ ([0-9a-f]{64})")
        .matcher(browser.visible(By.cssSelector("[data-testid=chain-head]")).getText());
    assertThat(head.find()).isTrue();
    browser.click(By.cssSelector(".checkpoint summary"));
    browser.visible(By.id("log-noted-seq")).sendKeys(head.group(1));
    browser.driver.findElement(By.id("log-noted-hash")).sendKeys(head.group(2));
    browser.click(By.cssSelector("[data-testid=verify-checkpoint]"));
    assertThat(browser.visible(By.cssSelector("[data-testid=checkpoint-match]")).getText())
        .contains("通番 " + head.group(1), "今も同じ内容");
    browser.check("console-16-access-log");

    browser.click(By.cssSelector("[data-testid=log-csv]"));
    String csv = new String(browser.awaitDownload("demo-access-log"), StandardCharsets.UTF_8);
    assertThat(csv).startsWith("\uFEFF日時(JST),区分,種別,アカウント").contains("demo-admin", "/api/{tenant}/admin/console")
        .doesNotContain("staff.created");

    // someone rewrote the log in the database: the seal no longer matches; the next entry records it
    app.getBean(JdbcTemplate.class).update(
        "UPDATE audit_chain SET seal = decode(repeat('00', 32), 'hex') WHERE tenant_id = 'demo'");
    long deadline = System.currentTimeMillis() + 30_000;
    do {
      browser.click(By.cssSelector("[data-testid=verify-chain]"));
      browser.waitForText(By.cssSelector("[data-testid=chain-result]"), "に検証");
      Thread.sleep(300);
    } while (browser.driver.findElements(By.cssSelector("[data-testid=chain-reseals]")).isEmpty()
        && System.currentTimeMillis() < deadline);
    assertThat(browser.visible(By.cssSelector("[data-testid=chain-reseals]")).getText())
        .contains("封印が一致しませんでした", "書き換えられた可能性があります");
    browser.check("console-16-access-log-resealed");
  }

  /** Searches again until the just-written entries have reached the log (it is written off the request). */
  private void searchUntil(Predicate<String> shown, String what) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 30_000;
    do {
      browser.click(By.cssSelector("[data-testid=log-submit]"));
      browser.waitForText(By.cssSelector("[data-testid=log-results]"), "件（");
      Thread.sleep(300);
      if (shown.test(browser.driver.findElement(By.cssSelector("[data-testid=log-results]")).getText())) {
        return;
      }
    } while (System.currentTimeMillis() < deadline);
    throw new AssertionError("the log never showed " + what);
  }

  private void readTheProcedures() throws Exception {
    browser.click(By.cssSelector("[data-nav=procedures]"));
    WebElement procedures = browser.visible(By.cssSelector("[data-testid=procedures]"));
    assertThat(procedures.getText()).contains("粗大ごみ収集申込", "児童手当 認定請求", "機密性2", "個人情報",
        "環境課 ごみ減量係 waste-section", "こども家庭課（係長） child-section-chief", "完了から");
    browser.check("console-17-procedures");
    browser.click(By.cssSelector("[data-testid=fields-child-allowance] summary"));
    WebElement fields = browser.visible(By.cssSelector("[data-testid=fields-child-allowance] table"));
    assertThat(fields.getText()).contains("氏名", "applicantName", "機密性2", "個人情報");
    browser.check("console-18-procedure-fields");
  }

  @Test
  void shouldRefuseTheAdministrationPagesToAClerkAndToAnotherTenantsAdministrator() throws Exception {
    for (String[] account : new String[][] {{"demo-clerk", "Madoguchi-Clerk-2026!"}, {"kita-admin", "Hokubu-Admin-2026!"}}) {
      browser.driver.get(base + "/admin/demo/staff");
      browser.logIn(account[0], account[1]);
      assertThat(browser.visible(By.cssSelector("[data-testid=no-permission]")).getText()).contains("権限がありません")
          .doesNotContain("デモ市");
      for (String path : List.of("/staff", "/departments", "/department-names", "/ip-allow-list", "/access-log", "/operation-log",
          "/audit-log", "/audit-chain/verify", "/procedures", "/line/channel")) {
        assertThat(browser.status("/api/demo/admin" + path)).as(account[0] + " " + path).isEqualTo(403);
      }
      assertThat(browser.status("POST", "/api/demo/admin/staff",
          "{\"id\":\"intruder\",\"password\":\"Shokuin-Kari-2026!\",\"departments\":[\"waste-section\"]}")).isEqualTo(403);
      assertThat(browser.status("PUT", "/api/demo/admin/ip-allow-list", "{\"cidrs\":[],\"confirmLockout\":true}"))
          .isEqualTo(403);
      assertThat(browser.status("PUT", "/api/demo/admin/line/channel", "{\"channelSecret\":\"intruder\"}"))
          .isEqualTo(403);
      assertThat(browser.status("PUT", "/api/demo/admin/department-names/waste-section", "{\"name\":\"intruder\"}"))
          .isEqualTo(403);
      browser.logOut(base);
    }
    assertThat(app.getBean(StaffDirectory.class).find("demo", "intruder")).isEmpty();
    assertThat(app.getBean(AllowLists.class).cidrs("demo")).containsExactlyElementsOf(SEED_ALLOW_LIST);
    assertThat(app.getBean(JdbcTemplate.class).queryForObject("SELECT count(*) FROM department WHERE name = 'intruder'",
        Integer.class)).isZero();
  }

  private static By row(String staffId) {
    return By.xpath("//table[@data-testid='staff']//tr[th[normalize-space(text())='" + staffId + "']]");
  }

  private static By button(String staffId, String testId) {
    return By.xpath("//table[@data-testid='staff']//tr[th[normalize-space(text())='" + staffId + "']]"
        + "//button[@data-testid='" + testId + "']");
  }
}
