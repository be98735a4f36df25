package jp.madoguchi.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jp.madoguchi.TestFolders;
import jp.madoguchi.database.EmbeddedDatabase;
import jp.madoguchi.department.DepartmentDirectory;
import jp.madoguchi.BulkyWasteApplications;
import jp.madoguchi.MadoguchiApplication;
import jp.madoguchi.embedded.DemoSetup;
import jp.madoguchi.procedure.TenantContext;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The two ways to run: the embedded default (demo, data kept between runs) and an external PostgreSQL. */
@Tag("own-jvm")
@ExtendWith(OutputCaptureExtension.class)
class DatabaseModesTests {

  @Test
  void shouldKeepDataOfTheEmbeddedDefaultAcrossRestarts() throws Exception {
    Path dataDir = TestFolders.create("madoguchi-restart-");
    String instanceId;
    String number;
    try (ConfigurableApplicationContext first = start("--madoguchi.embedded-db.data-dir=" + dataDir)) {
      assertThat(first.getBean(IdentityService.class).createUserQuery().userId("demo-clerk").count()).isEqualTo(1);
      var instance = TenantContext.callAs("demo", () -> first.getBean(RuntimeService.class)
          .startProcessInstanceByKey("bulky-waste-collection", BulkyWasteApplications.valid()));
      instanceId = instance.getId();
      number = instance.getBusinessKey();
      assertTheLineSimulatorAnswers(first.getEnvironment().getProperty("local.server.port"));
      String landing = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
              java.net.URI.create("http://localhost:" + first.getEnvironment().getProperty("local.server.port") + "/"))
          .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
      assertThat(landing).as("the demo's landing page names its accounts and links")
          .contains("/liff/demo/", "/line-simulator/", "href=\"/admin/demo/\"", "<code>demo-clerk</code>",
              "<code>Madoguchi-Clerk-2026!</code>");
      assertThat(first.getBean(DepartmentDirectory.class).names("demo")).as("the demo names its departments")
          .containsEntry("waste-section", "環境課 ごみ減量係").containsEntry("child-section", "こども家庭課 児童手当係");
      first.getBean(DepartmentDirectory.class).name("demo", "waste-section", "環境部 清掃課", "demo-admin");
    }
    try (ConfigurableApplicationContext second = start("--madoguchi.embedded-db.data-dir=" + dataDir)) {
      assertThat(second.getBean(HistoryService.class).createHistoricProcessInstanceQuery()
          .processInstanceId(instanceId).singleResult().getBusinessKey()).isEqualTo(number);
      assertThat(second.getBean(JdbcTemplate.class).queryForObject(
          "SELECT count(*) FROM application WHERE number = ?", Long.class, number)).isEqualTo(1);
      assertThat(second.getBean(IdentityService.class).createUserQuery().userId("demo-clerk").count()).isEqualTo(1);
      assertThat(second.getBean(DepartmentDirectory.class).names("demo")).as("the administrator's name, not the seed's")
          .containsEntry("waste-section", "環境部 清掃課");
    }
  }

  @Test
  void shouldUseAnExternalPostgresWithoutAnyDemoData(CapturedOutput output) throws Exception {
    try (EmbeddedPostgres external = EmbeddedPostgres.builder().start()) {
      String url = external.getJdbcUrl("postgres", "postgres");
      String masterKey = Base64.getEncoder().encodeToString(new byte[32]);
      try (ConfigurableApplicationContext app = start("--spring.datasource.url=" + url,
          "--spring.datasource.username=postgres", "--madoguchi.master-key=" + masterKey)) {
        assertThat(app.getBeanProvider(DemoSetup.class).getIfAvailable()).isNull();
        // the one account that keeps Camunda's setup page closed, and nobody can use (tenant.WebappSetupLock)
        assertThat(app.getBean(IdentityService.class).createUserQuery().list()).extracting(user -> user.getId())
            .containsExactly("madoguchi-setup-lock");
        assertThat(app.getBean(JdbcTemplate.class).queryForObject("SELECT count(*) FROM tenant", Long.class)).isZero();
        // nobody can use a deployment without tenants, and its links would point at this machine only
        assertThat(output.getOut()).containsPattern("WARN .*There is no tenant yet.*MADOGUCHI_TENANTS_SEED")
            .containsPattern("WARN .*MADOGUCHI_PUBLIC_URL is not set");
        String landing = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + app.getEnvironment().getProperty("local.server.port") + "/"))
            .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertThat(landing).as("no demo links or accounts outside the demo")
            .contains("/camunda/app/tasklist/").doesNotContain("/liff/demo/", "/line-simulator/", "demo-clerk",
                "/admin/demo/");
      }
      assertThatThrownBy(() -> start("--spring.datasource.url=" + url, "--spring.datasource.username=postgres"))
          .hasStackTraceContaining("MADOGUCHI_MASTER_KEY is not set");
    }
  }

  @Test
  void shouldUpgradeADataFolderWithoutPasswordToAPasswordOnItsNextStart() throws Exception {
    Path dataDir = TestFolders.create("madoguchi-upgrade-");
    // a data folder as earlier versions left it: initdb -A trust, anyone on the machine could connect
    EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("postgres")).setCleanDataDirectory(false).start().close();
    Path passwordFile = dataDir.resolve("embedded-db.password");

    try (ConfigurableApplicationContext app = start("--madoguchi.embedded-db.data-dir=" + dataDir)) {
      String url = "jdbc:postgresql://127.0.0.1:" + app.getBean(EmbeddedDatabase.class).port() + "/postgres";
      assertThatThrownBy(() -> java.sql.DriverManager.getConnection(url, "postgres", "").close())
          .hasMessageContaining("password");
      try (var connection = java.sql.DriverManager.getConnection(url, "postgres", Files.readString(passwordFile))) {
        assertThat(connection.isValid(2)).isTrue();
      }
      assertThat(Files.readString(dataDir.resolve("postgres/pg_hba.conf"))).contains("scram-sha-256")
          .doesNotContain("trust");
      assertThat(passwordFile.startsWith(dataDir.resolve("postgres"))).isFalse();
      assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)))
          .isEqualTo("rw-------");
    }

    Files.delete(passwordFile);
    assertThatThrownBy(() -> start("--madoguchi.embedded-db.data-dir=" + dataDir))
        .hasStackTraceContaining("needs the password kept in");
  }

  /** On the demo default, a resident's action in the simulator goes through the real webhook and back. */
  private static void assertTheLineSimulatorAnswers(String port) throws Exception {
    var http = java.net.http.HttpClient.newHttpClient();
    String base = "http://127.0.0.1:" + port + "/line-simulator/api/demo";
    var sent = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/send"))
        .header("Content-Type", "application/json")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
            "{\"userId\":\"U0000000000000000000000000000demo1\",\"type\":\"message\",\"text\":\"申請\"}"))
        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(sent.body()).contains("\"webhookStatus\":200");
    String chat = "";
    for (int i = 0; i < 50 && !chat.contains("粗大ごみ収集申込"); i++) {
      Thread.sleep(200);
      chat = http.send(java.net.http.HttpRequest.newBuilder(
              java.net.URI.create(base + "/chats/U0000000000000000000000000000demo1")).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }
    assertThat(chat).contains("\"from\":\"account\"", "粗大ごみ収集申込", "/liff/demo/apply/bulky-waste-collection");
  }

  private static ConfigurableApplicationContext start(String... args) {
    MadoguchiApplication.useJapanStandardTime();
    String[] all = new String[args.length + 3];
    all[0] = "--server.port=0";
    all[1] = "--camunda.bpm.job-execution.enabled=false";
    all[2] = "--madoguchi.tenants-seed=";
    System.arraycopy(args, 0, all, 3, args.length);
    return new SpringApplicationBuilder(MadoguchiApplication.class).run(all);
  }
}
