package jp.madoguchi.procedure.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.ModelerDeploy;
import jp.madoguchi.procedure.ProcedureExpressions;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The deploy guard through {@code /engine-rest/deployment/create}, deployed as Camunda Modeler does
 * (multipart with tenant-id, HTTP Basic): tenant admins deploy and update their own tenant's
 * procedures; other tenants, no tenant, scripts, the two expression attacks and a class written in
 * another engine namespace are refused with reasons, and nothing is stored.
 */
class DeployGuardRestTests extends IntegrationTest {

  /** The README's example under a key of its own, so that other tests' instances are not affected. */
  static final String KEY = "guard-rest-probe";
  private static final Path EXAMPLE = Path.of("../examples/add-a-procedure");
  private static final String DEMO_ADMIN = "demo-admin:" + DEMO_ADMIN_PASSWORD;
  private static final String KITA_ADMIN = "kita-admin:Hokubu-Admin-2026!";
  private static final String OPERATOR = "test-operator:Operator-Pass-2026!";
  private static final String CLERK = "demo-clerk:" + DEMO_CLERK_PASSWORD;

  @LocalServerPort int port;
  @Autowired RepositoryService repository;
  @Autowired ObjectMapper json;

  @Test
  void shouldLetATenantAdminDeployAndUpdateTheirOwnTenantsProcedure() throws Exception {
    HttpResponse<String> first = deploy(DEMO_ADMIN, DEMO, UnaryOperator.identity());
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(json.readTree(first.body()).get("tenantId").asText()).isEqualTo(DEMO);

    HttpResponse<String> update = deploy(DEMO_ADMIN, DEMO, bpmn -> bpmn.replace("担当課が現地を確認して回答します。",
        "担当課が現地を確認して、10開庁日ほどで回答します。"));
    assertThat(update.statusCode()).as(update.body()).isEqualTo(200);
    ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(KEY).tenantIdIn(DEMO)
        .latestVersion().singleResult();
    assertThat(latest.getVersion()).isGreaterThanOrEqualTo(2);
    assertThat(latest.getDeploymentId()).isEqualTo(json.readTree(update.body()).get("id").asText());
  }

  @Test
  void shouldRefuseATenantAdminDeployingForAnotherTenant() throws Exception {
    HttpResponse<String> toKita = deploy(DEMO_ADMIN, KITA, UnaryOperator.identity());
    assertThat(toKita.statusCode()).as(toKita.body()).isEqualTo(403);
    assertThat(reasons(toKita)).singleElement().satisfies(reason -> {
      assertThat(reason.get("ja").asText()).contains("自分の自治体（demo）の手続だけ");
      assertThat(reason.get("en").asText()).isEqualTo("you may deploy procedures only for your own municipality (demo)");
    });
    assertThat(deploy(KITA_ADMIN, DEMO, UnaryOperator.identity()).statusCode()).isEqualTo(403);
    assertThat(storedFor(KITA)).isZero();
  }

  @Test
  void shouldRefuseADeploymentWithoutTenantFromAnyAccount() throws Exception {
    for (String account : new String[] {DEMO_ADMIN, OPERATOR}) {
      HttpResponse<String> shared = deploy(account, null, UnaryOperator.identity());
      assertThat(shared.statusCode()).as(shared.body()).isEqualTo(400);
      assertThat(reasons(shared)).singleElement().satisfies(reason ->
          assertThat(reason.get("en").asText()).startsWith("deploy with your municipality's tenant id"));
    }
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(KEY).withoutTenantId().count()).isZero();
  }

  @Test
  void shouldLetOperatorsDeployForAnExistingTenantOnly() throws Exception {
    HttpResponse<String> nowhere = deploy(OPERATOR, "nowhere", UnaryOperator.identity());
    assertThat(nowhere.statusCode()).as(nowhere.body()).isEqualTo(400);
    assertThat(reasons(nowhere).get(0).get("en").asText()).isEqualTo("tenant 'nowhere' does not exist");
    // a key of its own: a procedure key belongs to one tenant (demo deploys KEY in another test)
    HttpResponse<String> kita = deploy(OPERATOR, KITA, bpmn -> bpmn.replace('"' + KEY + '"', "\"" + KEY + "-kita\""));
    assertThat(kita.statusCode()).as(kita.body()).isEqualTo(200);
  }

  @Test
  void shouldLeaveClerksWithoutTheRightToDeploy() throws Exception {
    assertThat(deploy(CLERK, DEMO, UnaryOperator.identity()).statusCode()).isEqualTo(403);
  }

  @Test
  void shouldRefuseAScriptTaskAt400WithReasonsInJapaneseAndEnglish() throws Exception {
    long before = storedFor(DEMO);
    HttpResponse<String> refused = deploy(OPERATOR, DEMO, bpmn -> bpmn
        .replace("<bpmn:serviceTask id=\"Task_RegisterApplication\" name=\"申請の受付登録\" "
            + "camunda:delegateExpression=\"${registerApplication}\">",
            "<bpmn:scriptTask id=\"Task_RegisterApplication\" name=\"申請の受付登録\" scriptFormat=\"groovy\">")
        .replaceFirst("</bpmn:serviceTask>", "<bpmn:script>'id'.execute()</bpmn:script></bpmn:scriptTask>"));

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    JsonNode body = json.readTree(refused.body());
    assertThat(body.get("type").asText()).isEqualTo("DeploymentRefused");
    assertThat(body.get("reasons")).singleElement().satisfies(reason -> {
      assertThat(reason.get("resource").asText()).isEqualTo(KEY + ".bpmn");
      assertThat(reason.get("element").asText()).isEqualTo("Task_RegisterApplication");
      assertThat(reason.get("ja").asText()).contains("スクリプトタスクは使えません");
      assertThat(reason.get("en").asText()).contains("script tasks are not allowed");
    });
    assertThat(body.get("message").asText()).as("Camunda Modeler's log shows the message and nothing else of the answer")
        .startsWith("手続の内容に直すところがあります").contains("\n- " + KEY + ".bpmn Task_RegisterApplication: ")
        .contains("スクリプトタスクは使えません", "script tasks are not allowed");
    assertThat(storedFor(DEMO)).as("nothing of a refused deployment is stored").isEqualTo(before);
  }

  /** The application's building blocks declare what their steps need; the receipt's notice needs its message. */
  @Test
  void shouldRefuseAStepWithoutAnInputItsBuildingBlockNeedsOrWithOneItCannotTake() throws Exception {
    long before = storedFor(DEMO);
    HttpResponse<String> refused = deploy(DEMO_ADMIN, DEMO, bpmn -> bpmn.replaceFirst(
        "<camunda:inputParameter name=\"message\">[^<]*</camunda:inputParameter>", ""));

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(reasons(refused)).singleElement().satisfies(reason -> {
      assertThat(reason.get("element").asText()).isEqualTo("Task_NotifyReceived");
      assertThat(reason.get("en").asText()).startsWith("the step runs notifyResident, which needs the input parameter 'message'");
    });
    assertThat(storedFor(DEMO)).as("nothing of a refused deployment is stored").isEqualTo(before);

    HttpResponse<String> misspelt = deploy(DEMO_ADMIN, DEMO, bpmn -> bpmn.replaceFirst(
        "camunda:delegateExpression=\"\\$\\{notifyResident\\}\">", "camunda:delegateExpression=\"\\${issueDocument}\">")
        .replaceFirst("<camunda:inputParameter name=\"message\">[^<]*</camunda:inputParameter>",
            "<camunda:inputParameter name=\"documentLayout\">reciept</camunda:inputParameter>"));
    assertThat(misspelt.statusCode()).as(misspelt.body()).isEqualTo(400);
    assertThat(reasons(misspelt)).anySatisfy(reason -> {
      assertThat(reason.get("element").asText()).isEqualTo("Task_NotifyReceived");
      assertThat(reason.get("en").asText()).startsWith("there is no documentLayout 'reciept' (known: ").contains("receipt");
    });
  }

  /** Camunda's expression parser recurses per parenthesis: 5,000 of them overflowed its stack (500). */
  @Test
  void shouldRefuseAnExpressionNestedTooDeeplyAt400() throws Exception {
    long before = storedFor(DEMO);
    String deep = "${" + "(".repeat(5000) + "registerApplication" + ")".repeat(5000) + "}";
    HttpResponse<String> refused = deploy(DEMO_ADMIN, DEMO, bpmn -> bpmn.replace("${registerApplication}", deep));

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(reasons(refused)).singleElement().satisfies(reason -> {
      assertThat(reason.get("element").asText()).isEqualTo("Task_RegisterApplication");
      assertThat(reason.get("ja").asText()).contains("括弧の入れ子が深すぎます（5000 段。32 段まで）");
      assertThat(reason.get("en").asText()).endsWith("nests parentheses too deeply (5000 levels, at most 32)");
    });
    assertThat(storedFor(DEMO)).as("nothing of a refused deployment is stored").isEqualTo(before);
    String fine = "${" + "(".repeat(32) + "registerApplication" + ")".repeat(32) + "}";
    assertThat(ProcedureExpressions.in(fine).get(0).nesting()).isEqualTo(32);
  }

  @Test
  void shouldRefuseAShellTaskFromATenantAdminAndStoreNothing() throws Exception {
    long before = storedFor(DEMO);
    HttpResponse<String> refused = deploy(DEMO_ADMIN, DEMO, DeployGuardRestTests::withShellTask);

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(reasons(refused)).singleElement().satisfies(reason -> {
      assertThat(reason.get("element").asText()).isEqualTo("Task_RegisterApplication");
      assertThat(reason.get("ja").asText()).contains("camunda:type");
      assertThat(reason.get("en").asText()).startsWith("built-in task types (camunda:type=\"shell\"");
    });
    assertThat(storedFor(DEMO)).as("nothing of a refused deployment is stored").isEqualTo(before);
  }

  @Test
  void shouldRefuseTheTwoExpressionAttacksAtDeploy() throws Exception {
    HttpResponse<String> readsEveryTenant = deploy(OPERATOR, DEMO, bpmn -> bpmn.replace("${registerApplication}",
        "${jdbcTemplate.queryForList('SELECT tenant_id, number FROM application')}"));
    assertThat(readsEveryTenant.statusCode()).as(readsEveryTenant.body()).isEqualTo(400);
    assertThat(readsEveryTenant.body()).contains("'jdbcTemplate' is not a procedure building block");

    HttpResponse<String> runsAShell = deploy(OPERATOR, DEMO, bpmn -> bpmn.replace("${registerApplication}",
        "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('touch /tmp/madoguchi-pwned')}"));
    assertThat(runsAShell.statusCode()).as(runsAShell.body()).isEqualTo(400);
    assertThat(runsAShell.body()).contains("'getClass' is not allowed in expressions");
  }

  @Test
  void shouldRefuseAJavaClassWrittenAsActivitiWhichCamundaStillReads() throws Exception {
    long before = storedFor(DEMO);
    HttpResponse<String> refused = deploy(DEMO_ADMIN, DEMO, bpmn -> bpmn
        .replace("xmlns:camunda=", "xmlns:activiti=\"http://activiti.org/bpmn\" xmlns:camunda=")
        .replace("camunda:delegateExpression=\"${registerApplication}\"", "activiti:class=\"jp.example.Fee\""));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(reasons(refused)).anySatisfy(reason -> {
      assertThat(reason.get("element").asText()).isEqualTo("Task_RegisterApplication");
      assertThat(reason.get("en").asText()).startsWith("extensions in http://activiti.org/bpmn are not allowed");
    });
    assertThat(storedFor(DEMO)).as("nothing of a refused deployment is stored").isEqualTo(before);
  }

  private long storedFor(String tenant) {
    return repository.createDeploymentQuery().deploymentName(KEY).tenantIdIn(tenant).count();
  }

  private HttpResponse<String> deploy(String account, String tenant, UnaryOperator<String> changeBpmn)
      throws IOException, InterruptedException {
    return ModelerDeploy.deploy(port, account, KEY, tenant, exampleFiles(changeBpmn));
  }

  private JsonNode reasons(HttpResponse<String> response) throws IOException {
    return json.readTree(response.body()).get("reasons");
  }

  /**
   * The README example's files under {@link #KEY}, its BPMN changed as given; kept out of the residents'
   * catalogue, which other tests read.
   */
  static Map<String, byte[]> exampleFiles(UnaryOperator<String> changeBpmn) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    String bpmn = rekeyed(EXAMPLE.resolve("garbage-station-request.bpmn"))
        .replace("isExecutable=\"true\"", "isExecutable=\"true\" camunda:isStartableInTasklist=\"false\"");
    files.put(KEY + ".bpmn", changeBpmn.apply(bpmn).getBytes(StandardCharsets.UTF_8));
    files.put("apply.form", rekeyed(EXAMPLE.resolve("forms/garbage-station-request/apply.form")).getBytes(StandardCharsets.UTF_8));
    files.put("review.form", rekeyed(EXAMPLE.resolve("forms/garbage-station-request/review.form")).getBytes(StandardCharsets.UTF_8));
    return files;
  }

  /** The first step runs {@code env} in a shell (Camunda's built-in type "shell"), as the review's proof of concept. */
  static String withShellTask(String bpmn) {
    return bpmn.replaceFirst("camunda:delegateExpression=\"\\$\\{registerApplication}\">\\s*<bpmn:extensionElements>",
        "camunda:type=\"shell\"><bpmn:extensionElements>"
            + "<camunda:field name=\"command\"><camunda:string>/bin/sh</camunda:string></camunda:field>"
            + "<camunda:field name=\"arg1\"><camunda:string>-c</camunda:string></camunda:field>"
            + "<camunda:field name=\"arg2\"><camunda:string>env</camunda:string></camunda:field>"
            + "<camunda:field name=\"outputVariable\"><camunda:string>out</camunda:string></camunda:field>");
  }

  private static String rekeyed(Path file) throws IOException {
    return Files.readString(file).replace("garbage-station-request", KEY);
  }
}
