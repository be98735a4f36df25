package jp.madoguchi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One application context for all integration tests: the real app on a real (embedded)
 * PostgreSQL created empty for this test run, seeded with two tenants. The job executor is off
 * so that tests decide when asynchronous steps and timers run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.job-execution.enabled=false",
    "madoguchi.tenants-seed=classpath:seed/test-tenants.yaml"})
public abstract class IntegrationTest {

  public static final String DEMO = "demo";
  public static final String KITA = "kita";
  public static final String DEMO_ADMIN_PASSWORD = "Madoguchi-Admin-2026!";
  public static final String DEMO_CLERK_PASSWORD = "Madoguchi-Clerk-2026!";
  public static final String KITA_CLERK_PASSWORD = "Hokubu-Clerk-2026!";

  private static final Path DATA_DIR = newDataDir();

  static {
    MadoguchiApplication.useJapanStandardTime();
  }

  @DynamicPropertySource
  static void embeddedDatabase(DynamicPropertyRegistry registry) {
    registry.add("madoguchi.embedded-db.data-dir", DATA_DIR::toString);
  }

  public static Path dataDir() {
    return DATA_DIR;
  }

  private static Path newDataDir() {
    try {
      return Files.createTempDirectory("madoguchi-test-");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
