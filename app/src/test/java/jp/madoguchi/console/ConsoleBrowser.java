package jp.madoguchi.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jp.madoguchi.HeadlessChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console's browser-test helpers: a ja-JP headless Chromium that records Content Security
 * Policy refusals and saves downloads into a folder; log in and out; screenshot + axe per page.
 */
final class ConsoleBrowser {

  /** Longer than HeadlessChromium's waits: a login and a year's statistics on a busy machine. */
  static final Duration WAIT = Duration.ofSeconds(90);

  final ChromeDriver driver;
  final Path downloads;

  private ConsoleBrowser(ChromeDriver driver, Path downloads) {
    this.driver = driver;
    this.downloads = downloads;
  }

  static ConsoleBrowser start(Path downloads) throws IOException {
    Files.createDirectories(downloads);
    ChromeDriver driver = HeadlessChromium.start("1400,1000");
    // records what the page's Content Security Policy refuses, from before the page's own scripts run
    driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
        window.cspRefusals = [];
        document.addEventListener('securitypolicyviolation',
          (event) => window.cspRefusals.push(event.violatedDirective + ' ' + event.blockedURI));
        window.fetchLog = [];
        const pageFetch = window.fetch;
        window.fetch = (resource, options) => {
          const call = `${new Date().toISOString()} ${(options && options.method) || 'GET'} ${resource}`;
          return pageFetch(resource, options).then(
            (response) => { window.fetchLog.push(`${call} -> ${response.status}`); return response; },
            (error) => { window.fetchLog.push(`${call} -> ${error}`); throw error; });
        };"""));
    driver.executeCdpCommand("Browser.setDownloadBehavior",
        Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
    return new ConsoleBrowser(driver, downloads);
  }

  void quit() {
    driver.quit();
  }

  void logIn(String user, String password) throws IOException {
    WebElement id = visible(By.id("login-user"));
    id.clear();
    id.sendKeys(user);
    driver.findElement(By.id("login-password")).sendKeys(password);
    click(By.cssSelector("[data-testid=login-submit]"));
  }

  /** Back to the login form of the tenant's console, logging out if someone is logged in. */
  void logOut(String base) {
    driver.get(base + "/admin/demo/");
    visible(By.cssSelector("[data-testid=login-form], [data-testid=logout]"));
    if (!driver.findElements(By.cssSelector("[data-testid=logout]")).isEmpty()) {
      click(By.cssSelector("[data-testid=logout]"));
      visible(By.cssSelector("[data-testid=login-form], .alert.error"));
      assertThat(driver.findElement(By.tagName("main")).getText()).as("after logout").contains("ログアウトしました");
      assertThat(status("/api/demo/admin/console")).as("the session has ended; cookies: %s", driver.manage().getCookies())
          .isEqualTo(401);
    }
  }

  WebElement visible(By locator) {
    return until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  void click(By locator) {
    until(ExpectedConditions.elementToBeClickable(locator)).click();
  }

  void waitForText(By locator, String text) {
    until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
  }

  /** Waits; when the wait fails, keeps a screenshot (console-failed.png) and tells what the page showed. */
  <T> T until(ExpectedCondition<T> condition) {
    try {
      return new WebDriverWait(driver, WAIT).until(condition);
    } catch (TimeoutException e) {
      try {
        Files.write(HeadlessChromium.SCREENSHOTS.resolve("console-failed.png"), driver.getScreenshotAs(OutputType.BYTES));
      } catch (IOException ignored) {
        // the failure below says what matters
      }
      throw new AssertionError("waited in vain at " + driver.getCurrentUrl() + " for " + condition + "; the page shows: "
          + driver.findElement(By.tagName("body")).getText() + "\nthe page's calls: " + fetchLog()
          + "\ncookies: " + driver.manage().getCookies(), e);
    }
  }

  /** What the page fetched since it was loaded, with the answers' status (kept for failure messages). */
  private Object fetchLog() {
    try {
      return ((JavascriptExecutor) driver).executeScript("return window.fetchLog || [];");
    } catch (RuntimeException e) {
      return "(not readable: " + e.getMessage() + ")";
    }
  }

  /** The HTTP status of a same-origin call of the console's page, with the session and X-Requested-With. */
  long status(String method, String path, String json) {
    return (Long) ((JavascriptExecutor) driver).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        const headers = { 'X-Requested-With': 'XMLHttpRequest', 'Content-Type': 'application/json' };
        fetch(arguments[1], { method: arguments[0], headers, body: arguments[2] }).then(r => done(r.status))""",
        method, path, json);
  }

  long status(String path) {
    return status("GET", path, null);
  }

  byte[] awaitDownload(String name) throws Exception {
    return awaitDownload(name, ".csv");
  }

  /** A finished download (Chromium names a file in progress {@code .crdownload}) whose name has {@code name}. */
  byte[] awaitDownload(String name, String suffix) throws Exception {
    long deadline = System.currentTimeMillis() + 20_000;
    while (System.currentTimeMillis() < deadline) {
      try (var files = Files.list(downloads)) {
        var found = files.filter(file -> file.getFileName().toString().contains(name)
            && file.getFileName().toString().endsWith(suffix)).findFirst();
        if (found.isPresent()) {
          return Files.readAllBytes(found.get());
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no " + suffix + " of " + name + " downloaded");
  }

  /** Full-page screenshot, axe-core's serious findings, and no Content Security Policy refusal. */
  void check(String name) throws IOException {
    Object shot = driver.executeCdpCommand("Page.captureScreenshot",
        Map.of("format", "png", "captureBeyondViewport", true)).get("data");
    Files.write(HeadlessChromium.SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot));
    assertThat((List<?>) ((JavascriptExecutor) driver).executeScript("return window.cspRefusals")).as(name).isEmpty();
    assertThat(HeadlessChromium.seriousAccessibilityViolations(driver)).as(name).isEmpty();
  }
}
