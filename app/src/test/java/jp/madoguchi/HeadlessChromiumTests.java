package jp.madoguchi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A machine without the browser tests' packages is told which to install, instead of a driver stack trace. */
class HeadlessChromiumTests {

  @TempDir Path machine;

  @Test
  void shouldNameEveryMissingPackageAndTheCommandThatInstallsIt() throws Exception {
    String message = HeadlessChromium.missingPackagesMessage(machine.resolve("chromium"),
        machine.resolve("chromedriver"), List.of(machine.resolve("fonts")));

    assertThat(message).contains("chromium (", "chromium-driver (", "fonts-noto-cjk (",
        "apt-get install -y chromium chromium-driver fonts-noto-cjk");
  }

  @Test
  void shouldBeSatisfiedWhenAllThreeArePresent() throws Exception {
    Path chromium = executable("chromium");
    Path driver = executable("chromedriver");
    Path fonts = Files.createDirectories(machine.resolve("fonts"));
    Files.createFile(fonts.resolve("NotoSansCJK-Regular.ttc"));

    assertThat(HeadlessChromium.missingPackagesMessage(chromium, driver, List.of(fonts))).isNull();
  }

  private Path executable(String name) throws Exception {
    return Files.createFile(machine.resolve(name), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
  }
}
