package jp.madoguchi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A machine without the browser tests' packages is told which to install, instead of a driver stack trace;
 * the browser they start speaks the language it is given.
 */
class HeadlessChromiumTests {

  @TempDir Path machine;

  @Test
  void shouldNameEveryMissingPackageAndTheCommandThatInstallsIt() throws Exception {
    String message = HeadlessChromium.missingPackagesMessage(machine.resolve("chromium"),
        machine.resolve("chromedriver"), List.of(machine.resolve("fonts")), machine.resolve("locales/ja.pak"));

    assertThat(message).contains("chromium (", "chromium-driver (", "fonts-noto-cjk (", "chromium-l10n (",
        "apt-get install -y chromium chromium-driver chromium-l10n fonts-noto-cjk");
  }

  @Test
  void shouldBeSatisfiedWhenAllFourArePresent() throws Exception {
    Path chromium = executable("chromium");
    Path driver = executable("chromedriver");
    Path fonts = Files.createDirectories(machine.resolve("fonts"));
    Files.createFile(fonts.resolve("NotoSansCJK-Regular.ttc"));
    Path japaneseUi = Files.createFile(Files.createDirectories(machine.resolve("locales")).resolve("ja.pak"));

    assertThat(HeadlessChromium.missingPackagesMessage(chromium, driver, List.of(fonts), japaneseUi)).isNull();
  }

  /** What a clerk's or resident's browser in Japan shows: its own language, dates as 2026/12/04. */
  @Test
  void shouldBeAJapaneseBrowserOrAnEnglishOneWhenAsked() throws Exception {
    String page = "data:text/html;charset=utf-8,<p>";
    for (String language : List.of("ja-JP", "en-US")) {
      ChromeDriver browser = HeadlessChromium.start("400,300", language);
      try {
        browser.get(page);
        Object seen = browser.executeScript("return [navigator.language, new Date(2026, 11, 4).toLocaleDateString()]");
        assertThat(seen).as(language).isEqualTo(language.equals("ja-JP") ? List.of("ja-JP", "2026/12/4")
            : List.of("en-US", "12/4/2026"));
      } finally {
        browser.quit();
      }
    }
  }

  private Path executable(String name) throws Exception {
    return Files.createFile(machine.resolve(name), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
  }
}
