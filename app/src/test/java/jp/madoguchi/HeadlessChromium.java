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

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  /** chromium-l10n: without it Chromium on Linux runs in English whatever it is told (see {@link #start}). */
  private static final Path JAPANESE_UI = Path.of("/usr/lib/chromium/locales/ja.pak");
  /** fonts-noto-cjk: without it Japanese renders as boxes and screenshots prove nothing. */
  private static final List<Path> JAPANESE_FONTS = List.of(Path.of("/usr/share/fonts/opentype/noto"),
      Path.of("/usr/share/fonts/truetype/noto"));

  /** @param windowSize e.g. "390,1000" for a phone, "1400,1600" for a clerk's desktop */
  public static ChromeDriver start(String windowSize) throws IOException {
    return start(windowSize, "ja-JP");
  }

  /**
   * A browser set to another language, e.g. "en-US" for a phone set to English. On Linux Chromium takes
   * its own language (navigator.language, the format of date inputs) from the environment's
   * {@code LANGUAGE}, not from {@code --lang}; the language list sent to pages is the preference.
   */
  public static ChromeDriver start(String windowSize, String language) throws IOException {
    String missing = missingPackagesMessage(CHROMIUM, CHROMEDRIVER, JAPANESE_FONTS, JAPANESE_UI);
    if (missing != null) {
      throw new IllegalStateException(missing);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toString());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-dev-shm-usage", "--window-size=" + windowSize, "--lang=" + language);
    options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
    Files.createDirectories(SCREENSHOTS);
    return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .withEnvironment(java.util.Map.of("LANGUAGE", language.replace('-', '_'))).build(), options);
  }

  /** What to install when the machine lacks one of the Debian packages the browser tests need; else null. */
  static String missingPackagesMessage(Path chromium, Path chromedriver, List<Path> fontFolders, Path japaneseUi)
      throws IOException {
    List<String> missing = new java.util.ArrayList<>();
    if (!Files.isExecutable(chromium)) {
      missing.add("chromium (" + chromium + ")");
    }
    if (!Files.isExecutable(chromedriver)) {
      missing.add("chromium-driver (" + chromedriver + ")");
    }
    boolean cjk = false;
    for (Path folder : fontFolders) {
      if (Files.isDirectory(folder)) {
        try (var fonts = Files.list(folder)) {
          cjk |= fonts.anyMatch(font -> font.getFileName().toString().contains("CJK"));
        }
      }
    }
    if (!cjk) {
      missing.add("fonts-noto-cjk (Noto Sans CJK in " + fontFolders.get(0) + ")");
    }
    if (!Files.isRegularFile(japaneseUi)) {
      missing.add("chromium-l10n (" + japaneseUi + ")");
    }
    return missing.isEmpty() ? null : "The browser tests need Debian's " + String.join(", ", missing)
        + ". Install them with: apt-get install -y chromium chromium-driver chromium-l10n fonts-noto-cjk";
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
  /**
   * Fills Camunda's login form and signs in. The webapp may render the form again while it loads its
   * plugins, and keys typed meanwhile land in the wrong field: the values are checked and typed again.
   */
  public static void logInToCamunda(WebDriver browser, Duration wait, String user, String password) {
    By username = By.cssSelector("input[ng-model='username']");
    By secret = By.cssSelector("input[ng-model='password']");
    for (int attempt = 1; ; attempt++) {
      WebElement name = new WebDriverWait(browser, wait).until(ExpectedConditions.visibilityOfElementLocated(username));
      name.clear();
      name.sendKeys(user);
      WebElement pass = browser.findElement(secret);
      pass.clear();
      pass.sendKeys(password);
      if (user.equals(browser.findElement(username).getDomProperty("value"))
          && password.equals(browser.findElement(secret).getDomProperty("value")) || attempt == 3) {
        break;
      }
    }
    browser.findElement(By.cssSelector("button[type=submit]")).click();
  }

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
