package jp.madoguchi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jp.madoguchi.BulkyWasteApplications;
import jp.madoguchi.HeadlessChromium;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.IssuedDocuments;
import jp.madoguchi.document.Documents;
import jp.madoguchi.procedure.TenantContext;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A resident types HTML and Markdown into their application; the clerk opens the review form in
 * Camunda Tasklist itself (its bundled form-js, in headless Chromium) and sees the characters they
 * typed — no link, no image, no heading of theirs; the receipt (PDF) prints the same characters.
 */
class ClerkFormMarkupBrowserTests extends IntegrationTest {

  private static final String ADDRESS = "<a href=\"https://evil.example/login\">市役所からのお知らせ</a>";
  private static final String NOTE = "<img src=\"https://evil.example/pixel.png\"><h1>至急</h1> "
      + "[こちらをクリック](https://evil.example/phish) ![](https://evil.example/track.png)";

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;
  @Autowired Documents documents;

  @Test
  void shouldShowTheResidentsMarkupAsTextInTasklist() throws Exception {
    ProcessInstance instance = TenantContext.callAs(DEMO, () -> runtime.startProcessInstanceByKey(
        "bulky-waste-collection", BulkyWasteApplications.valid().putValue("address", ADDRESS).putValue("note", NOTE)));
    BulkyWasteApplications.runJobs(management, instance.getId());
    String taskId = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
    String base = "http://localhost:" + port;
    WebDriver browser = HeadlessChromium.start("1400,1600");
    // Tasklist is a large single-page app: on a busy machine it takes its time
    WebDriverWait patiently = new WebDriverWait(browser, Duration.ofSeconds(120));
    try {
      browser.get(base + "/camunda/app/tasklist/default/");
      HeadlessChromium.logInToCamunda(browser, Duration.ofSeconds(120), "demo-clerk", DEMO_CLERK_PASSWORD);
      patiently.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[cam-tasks]")));
      browser.get(base + "/camunda/app/tasklist/default/#/?task=" + taskId + "&detailsTab=task-detail-form");
      WebElement form = patiently.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container")));
      patiently.until(ExpectedConditions.textToBePresentInElement(form, "粗大ごみ収集申込の審査"));
      HeadlessChromium.screenshot(browser, "tasklist-resident-markup-as-text");

      assertThat(form.getText()).contains(ADDRESS, "<img src=\"https://evil.example/pixel.png\">", "<h1>至急</h1>",
          "[こちらをクリック](https://evil.example/phish)");
      assertThat(form.findElements(By.cssSelector("a[href*='evil.example']"))).as("live links").isEmpty();
      assertThat(form.findElements(By.cssSelector("img[src*='evil.example']"))).as("images").isEmpty();
      assertThat(form.findElements(By.tagName("h1"))).as("headings of the resident").isEmpty();
      assertThat(form.findElements(By.cssSelector("a[href*='/api/demo/admin/attachments/'], h2")))
          .as("the form's own markup still works").isNotEmpty();
    } catch (RuntimeException e) {
      HeadlessChromium.screenshot(browser, "tasklist-resident-markup-failed");
      throw e;
    } finally {
      browser.quit();
    }
    BulkyWasteApplications.runJobs(management, instance.getId());
    assertThat(IssuedDocuments.text(jdbc, documents, instance, "receipt").replaceAll("\\s", ""))
        .as("the receipt prints what the resident typed").contains(ADDRESS.replaceAll("\\s", ""));
  }
}
