package jp.madoguchi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's Chromium and chromedriver (installed by .ci/run), headless, in Japanese; what browser tests do with it. */
public final class HeadlessChromium {

  public static final Path SCREENSHOTS = Path.of("target/screenshots");
  private static final Path AXE = Path.of("src/main/frontend/node_modules/axe-core/axe.min.js");
  private static final Duration WAIT = Duration.ofSeconds(20);

  private HeadlessChromium() {
  }

  /** @param windowSize e.g. "390,1000" for a phone, "1400,1600" for a clerk's desktop */
  public static ChromeDriver start(String windowSize) throws IOException {
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-dev-shm-usage", "--window-size=" + windowSize, "--lang=ja-JP");
    Files.createDirectories(SCREENSHOTS);
    return new ChromeDriver(new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build(), options);
  }

  /** From now on every page of this browser records the Content-Security-Policy violations it meets. */
  public static void recordContentSecurityViolations(ChromeDriver browser) {
    browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source", """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation',
          e => window.__cspViolations.push(e.effectiveDirective + ' blocked ' + e.blockedURI));"""));
  }

  /** The violations the current page met since it was loaded (see {@link #recordContentSecurityViolations}). */
  public static List<?> contentSecurityViolations(WebDriver browser) {
    Object recorded = ((JavascriptExecutor) browser).executeScript("return window.__cspViolations || []");
    return (List<?>) recorded;
  }

  public static WebElement visible(WebDriver browser, By locator) {
    return new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  public static void click(WebDriver browser, By locator) {
    new WebDriverWait(browser, WAIT).until(ExpectedConditions.elementToBeClickable(locator)).click();
  }

  /** Kept as test output in target/screenshots/{name}.png. */
  public static void screenshot(WebDriver browser, String name) throws IOException {
    Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  /** axe-core's serious and critical findings on the current page (WCAG 2 A/AA and best practice). */
  public static List<?> seriousAccessibilityViolations(WebDriver browser) throws IOException {
    JavascriptExecutor js = (JavascriptExecutor) browser;
    js.executeScript(Files.readString(AXE, StandardCharsets.UTF_8));
    return (List<?>) js.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'best-practice'] })
          .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).join(', '))))
          .catch(e => done(['axe failed: ' + e]));""");
  }
}
