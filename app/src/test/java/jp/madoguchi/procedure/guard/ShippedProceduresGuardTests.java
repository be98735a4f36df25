package jp.madoguchi.procedure.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import jp.madoguchi.IntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The shipped procedures (as the app deploys them at start) and the README's example (as a tenant
 * admin deploys it) pass the deploy guard with the application's real beans, tenants and groups; the
 * build's bpmnlint step checks BPMN style on top.
 */
class ShippedProceduresGuardTests extends IntegrationTest {

  @Autowired ApplicationContext context;
  @Autowired IdentityService identity;

  @Test
  void shouldPassTheSharedProcedures() throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    add(files, Path.of("../processes"), "processes/");
    add(files, Path.of("../forms"), "forms/");

    Verdict verdict = ProcedureGuard.check(new Candidate("madoguchi-shared-procedures", null, null, files), environment());

    assertThat(files.keySet()).filteredOn(name -> name.endsWith(".bpmn")).hasSize(4);
    assertThat(verdict.reasons()).isEmpty();
  }

  @Test
  void shouldPassTheReadmeExampleForOneTenant() throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    add(files, Path.of("../examples/add-a-procedure"), "");
    var author = new Candidate.Author("demo-admin", java.util.List.of("tenant-admin"), java.util.List.of(DEMO));

    assertThat(ProcedureGuard.check(new Candidate("garbage-station-request", DEMO, author, files), environment()).reasons())
        .isEmpty();
  }

  private GuardEnvironment environment() {
    return new EngineGuardEnvironment(context, () -> identity);
  }

  private static void add(Map<String, byte[]> files, Path folder, String prefix) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.filter(Files::isRegularFile).toList()) {
        String name = folder.relativize(path).toString();
        if (name.endsWith(".bpmn") && !name.contains("/") || name.endsWith(".dmn") || name.endsWith(".form")) {
          files.put(prefix + name, Files.readAllBytes(path));
        }
      }
    }
  }
}
