package jp.madoguchi.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every phase an export reports is shown to the municipality's administrator in Japanese, not as its code. */
class ExportPhaseLabelsTests {

  private static final Path SOURCES = Path.of("src/main/java/jp/madoguchi/export");
  private static final Path PAGE = Path.of("src/main/frontend/admin/src/pages/exports.js");

  @Test
  void shouldLabelEveryPhaseOnTheConsolePage() throws IOException {
    Set<String> phases = new TreeSet<>();
    Pattern phase = Pattern.compile("progress\\.phase\\(\"([^\"]+)\"");
    try (Stream<Path> files = Files.list(SOURCES)) {
      for (Path file : files.toList()) {
        Matcher matcher = phase.matcher(Files.readString(file));
        while (matcher.find()) {
          phases.add(matcher.group(1));
        }
      }
    }
    String page = Files.readString(PAGE);
    String labels = page.substring(page.indexOf("const PHASES"), page.indexOf("};", page.indexOf("const PHASES")));

    assertThat(phases).contains("applications-json", "tasks", "steps")
        .allSatisfy(name -> assertThat(labels).as(name).containsPattern("\\n\\s+'?" + Pattern.quote(name) + "'?: '[^']+'"));
  }
}
