package jp.madoguchi.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs wrk (Debian's package) with one of the Lua scripts in src/test/resources/benchmark and reads its WRK line. */
final class Wrk {

  private static final Pattern FIELD = Pattern.compile("(\\w+(?:\\.\\d)?)=([\\d.]+)");

  private Wrk() {
  }

  record Result(String line) {
    double value(String name) {
      Matcher matcher = FIELD.matcher(line);
      while (matcher.find()) {
        if (matcher.group(1).equals(name)) {
          return Double.parseDouble(matcher.group(2));
        }
      }
      throw new IllegalArgumentException(name + " not in " + line);
    }
  }

  static Result run(String script, String url, int connections, int seconds, String... scriptArgs) throws Exception {
    Path lua = Files.createTempFile("wrk", ".lua");
    try (InputStream in = Wrk.class.getResourceAsStream("/benchmark/" + script)) {
      Files.copy(in, lua, StandardCopyOption.REPLACE_EXISTING);
    }
    List<String> command = new ArrayList<>(List.of("wrk", "-t1", "-c" + connections, "-d" + seconds + "s",
        "--timeout", "5s", "--latency", "-s", lua.toString(), url, "--"));
    command.addAll(List.of(scriptArgs));
    Process wrk;
    try {
      wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IllegalStateException("wrk is needed for this benchmark: apt-get install -y wrk", e);
    }
    String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(wrk.waitFor()).as(output).isZero();
    return output.lines().filter(line -> line.startsWith("WRK ")).findFirst()
        .map(line -> new Result(line.substring(4)))
        .orElseThrow(() -> new IllegalStateException("wrk printed no result:\n" + output));
  }
}
