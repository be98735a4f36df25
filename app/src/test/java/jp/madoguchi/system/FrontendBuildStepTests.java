package jp.madoguchi.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's front-end steps (npm ci, Vite, bpmnlint) run through scripts/when-changed.mjs, which
 * skips a step whose inputs and outputs are unchanged since it last succeeded, and runs every step
 * without IBM's telemetry. Exercised with the real script and the machine's Node.js.
 */
class FrontendBuildStepTests {

  private static final Path SCRIPT = Path.of("src/main/frontend/scripts/when-changed.mjs").toAbsolutePath();

  @TempDir Path work;
  @TempDir Path stamps;

  @BeforeEach
  void inputs() throws IOException {
    Files.writeString(work.resolve("input.txt"), "one");
  }

  @Test
  void shouldSkipAStepWhoseInputsDidNotChange() throws Exception {
    assertThat(run("count", "--inputs=input.txt", "--", "node", "-e", appendRun()).output()).doesNotContain("skipped");
    Run second = run("count", "--inputs=input.txt", "--", "node", "-e", appendRun());

    assertThat(second.exitCode()).isZero();
    assertThat(second.output()).contains("count: inputs unchanged since the last run, skipped");
    assertThat(Files.readString(work.resolve("runs.txt"))).isEqualTo("x");
  }

  @Test
  void shouldRunAgainWhenAnInputChangesOrAnOutputIsMissing() throws Exception {
    run("build", "--inputs=.", "--outputs=out.txt", "--", "node", "-e", appendRun() + ";require('fs').writeFileSync('out.txt','')");
    Files.createDirectories(work.resolve("src"));
    Files.writeString(work.resolve("src/new-entry.js"), "export {}");
    run("build", "--inputs=.", "--outputs=out.txt", "--", "node", "-e", appendRun() + ";require('fs').writeFileSync('out.txt','')");
    Files.delete(work.resolve("out.txt"));
    run("build", "--inputs=.", "--outputs=out.txt", "--", "node", "-e", appendRun() + ";require('fs').writeFileSync('out.txt','')");

    assertThat(Files.readString(work.resolve("runs.txt"))).isEqualTo("xxx");
  }

  @Test
  void shouldNotIgnoreWhatIsInNodeModulesOnlyByChance() throws Exception {
    run("deps", "--inputs=.", "--", "node", "-e", appendRun());
    Files.createDirectories(work.resolve("node_modules/some-package"));
    Files.writeString(work.resolve("node_modules/some-package/index.js"), "changed by npm ci");
    run("deps", "--inputs=.", "--", "node", "-e", appendRun());

    assertThat(Files.readString(work.resolve("runs.txt"))).as("node_modules is not an input").isEqualTo("x");
  }

  @Test
  void shouldRunAFailedStepAgainAndPassItsExitCodeOn() throws Exception {
    Run failed = run("lint", "--inputs=input.txt", "--", "node", "-e", appendRun() + ";process.exit(3)");
    Run again = run("lint", "--inputs=input.txt", "--", "node", "-e", appendRun() + ";process.exit(3)");

    assertThat(failed.exitCode()).isEqualTo(3);
    assertThat(again.exitCode()).isEqualTo(3);
    assertThat(Files.readString(work.resolve("runs.txt"))).isEqualTo("xx");
  }

  @Test
  void shouldRunEveryStepWithoutIbmTelemetry() throws Exception {
    run("env", "--inputs=input.txt", "--", "node", "-e",
        "require('fs').writeFileSync('env.txt', String(process.env.IBM_TELEMETRY_DISABLED))");

    assertThat(Files.readString(work.resolve("env.txt"))).isEqualTo("true");
  }

  private static String appendRun() {
    return "require('fs').appendFileSync('runs.txt','x')";
  }

  private record Run(int exitCode, String output) {
  }

  private Run run(String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of("node", SCRIPT.toString()));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
    builder.environment().put("BUILD_STAMPS_DIR", stamps.toString());
    builder.environment().remove("IBM_TELEMETRY_DISABLED");
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), output);
  }
}
