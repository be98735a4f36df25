package jp.madoguchi;

import java.nio.file.Path;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's Chromium and chromedriver (installed by .ci/run), headless, in Japanese. */
public final class HeadlessChromium {

  private HeadlessChromium() {
  }

  /** @param windowSize e.g. "390,1000" for a phone, "1400,1600" for a clerk's desktop */
  public static ChromeDriver start(String windowSize) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-dev-shm-usage", "--window-size=" + windowSize, "--lang=ja-JP");
    return new ChromeDriver(new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build(), options);
  }
}
