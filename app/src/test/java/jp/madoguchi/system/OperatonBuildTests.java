package jp.madoguchi.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one jar the Operaton build takes from outside Maven's dependency resolution, Spin's JSON
 * format (README "Engine"): a file that is not the jar published on Maven Central stops the build.
 * Runs the profile's fetch step with the project's Maven wrapper.
 */
class OperatonBuildTests {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final String FOREIGN = "not the jar published on Maven Central";

  @TempDir Path folder;

  @Test
  void shouldStopTheBuildOnASpinJsonJarWhoseChecksumIsNotCentrals() throws Exception {
    Path jar = folder.resolve("operaton-spin-dataformat-json-jackson-1.0.0.jar");
    Files.writeString(jar, FOREIGN);
    Path log = folder.resolve("maven.log");
    Process maven = new ProcessBuilder(ROOT.resolve("mvnw").toString(), "-B", "-q", "-Poperaton", "-pl", "app",
        "antrun:run@fetch-operaton-spin-json", "-Doperaton.spin.json.jar=" + jar)
        .directory(ROOT.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!maven.waitFor(5, TimeUnit.MINUTES)) {
      maven.destroyForcibly();
      throw new AssertionError("Maven did not finish within 5 minutes");
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);

    assertThat(maven.exitValue()).as(output).isNotZero();
    assertThat(output).contains(jar + " is not the jar published on Maven Central (SHA-256 differs)");
    assertThat(Files.readString(jar)).as("the file is neither used nor replaced").isEqualTo(FOREIGN);
  }
}
