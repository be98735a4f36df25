package jp.madoguchi;

import java.io.IOException;
import java.nio.file.Path;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One application context for all integration tests: the real app on a real (embedded)
 * PostgreSQL created empty for this test run, seeded with two tenants. The job executor is off
 * so that tests decide when asynchronous steps and timers run. The engine carries the listeners of
 * process-test coverage ({@link ProcessCoverage}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.job-execution.enabled=false",
    "madoguchi.line.workers-enabled=false",
    "madoguchi.line.read-timeout=2s",
    // tests rotate LINE's keys within seconds of each other
    "madoguchi.line.jwks-min-refresh-interval=1ms",
    "madoguchi.tenants-seed=classpath:seed/test-tenants.yaml"})
@Import(ProcessCoverageEnginePlugin.class)
public abstract class IntegrationTest {

  public static final String DEMO = "demo";
  public static final String KITA = "kita";
  public static final String DEMO_ADMIN_PASSWORD = "Madoguchi-Admin-2026!";
  public static final String DEMO_CLERK_PASSWORD = "Madoguchi-Clerk-2026!";
  public static final String KITA_CLERK_PASSWORD = "Hokubu-Clerk-2026!";

  private static final Path DATA_DIR = newDataDir();

  /** A local stand-in for LINE's Messaging API and data API, speaking the published endpoints. */
  protected static final WireMockServer LINE = new WireMockServer(WireMockConfiguration.options().dynamicPort());

  static {
    LINE.start();
  }

  static {
    MadoguchiApplication.useJapanStandardTime();
  }

  @DynamicPropertySource
  static void embeddedDatabase(DynamicPropertyRegistry registry) {
    registry.add("madoguchi.embedded-db.data-dir", DATA_DIR::toString);
    registry.add("madoguchi.line.api-base-url", LINE::baseUrl);
    registry.add("madoguchi.line.data-api-base-url", LINE::baseUrl);
  }

  public static Path dataDir() {
    return DATA_DIR;
  }

  private static Path newDataDir() {
    try {
      return TestFolders.create("madoguchi-test-");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
