package jp.madoguchi.purge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.madoguchi.BulkyWasteApplications;
import jp.madoguchi.Diagrams;
import jp.madoguchi.FullJourneys;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.LineIdTokens;
import jp.madoguchi.Markers;
import jp.madoguchi.StaffHttp;
import jp.madoguchi.export.ExportDownloads;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The verified purge: after whole journeys in both municipalities and a downloaded export of
 * {@code demo}, an operator purges {@code demo}; then no row of it is left in any table (every table
 * with a tenant column, found in the schema, and the tables keyed by its accounts), the certificate
 * is in the deployment's log, and {@code kita} files and handles applications as before. Runs in its
 * own JVM: it deletes a tenant the other tests use.
 */
@Tag("own-jvm")
class PurgeTests extends IntegrationTest {

  private static final String OPERATOR = "test-operator";
  private static final String OPERATOR_PASSWORD = "Operator-Pass-2026!";
  private static final List<String> DEMO_ACCOUNTS = List.of("demo-admin", "demo-clerk", "demo-citizen", "demo-road",
      "demo-child", "demo-chief", "demo-counter", "demo-linking-chief");

  /** A procedure of demo's own, whose department gets grants on its key. */
  private static final String OWN_PROCEDURE = """
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="http://madoguchi.jp/test">
        <bpmn:process id="demo-own-procedure" name="デモ市の独自手続" isExecutable="true" camunda:historyTimeToLive="365">
          <bpmn:extensionElements><camunda:properties>
            <camunda:property name="confidentiality" value="2" />
            <camunda:property name="personalData" value="personal" />
            <camunda:property name="retentionYears" value="1" />
            <camunda:property name="departments" value="waste-section" />
          </camunda:properties></bpmn:extensionElements>
          <bpmn:startEvent id="Event_Start" name="開始" />
          <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="Event_Start" targetRef="Event_End" />
          <bpmn:endEvent id="Event_End" name="終了" />
        </bpmn:process>
      </bpmn:definitions>""";

  @LocalServerPort int port;
  @Autowired RepositoryService repository;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired ObjectMapper json;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void shouldLeaveNoRowOfThePurgedMunicipalityWhileTheOtherWorksOn() throws Exception {
    LineIdTokens.publish(LINE, LineIdTokens.LINE);
    repository.createDeployment().tenantId(DEMO).addString("demo-own-procedure.bpmn", Diagrams.drawn(OWN_PROCEDURE))
        .deploy();
    assertThat(ownProcedureGrants()).as("its department's grants").isOne();
    FullJourneys journeys = new FullJourneys(port, jdbc, runtime, tasks, management, json, new Markers());
    journeys.fetchLineKeys();
    journeys.bulkyWaste(LineIdTokens.newUserId());
    journeys.residentCertificate(LineIdTokens.newUserId());
    journeys.childAllowance(LineIdTokens.newUserId());
    journeys.roadDamage(LineIdTokens.newUserId());
    String kitaBefore = kitaJourney();
    StaffHttp staff = new StaffHttp(port);
    ExportDownloads exports = new ExportDownloads(port);

    assertThat(status(staff, "SUSPENDED")).isEqualTo(200);
    HttpResponse<String> noExport = purge(staff, OPERATOR, OPERATOR_PASSWORD, DEMO);
    assertThat(noExport.statusCode()).as("no export yet: " + noExport.body()).isEqualTo(409);
    assertThat(status(staff, "ACTIVE")).isEqualTo(200);
    String partial = exports.ready(DEMO, "demo-admin", DEMO_ADMIN_PASSWORD, "{}");
    assertThat(exports.download(DEMO, partial, "demo-admin", DEMO_ADMIN_PASSWORD).statusCode()).isEqualTo(200);
    String export = exports.ready(DEMO, "demo-admin", DEMO_ADMIN_PASSWORD, "{\"includeSensitive\": true}");
    assertThat(status(staff, "SUSPENDED")).isEqualTo(200);
    HttpResponse<String> notDownloaded = purge(staff, OPERATOR, OPERATOR_PASSWORD, DEMO);
    assertThat(notDownloaded.statusCode()).as("only an export without the sensitive fields was downloaded")
        .isEqualTo(409);
    assertThat(notDownloaded.body()).contains("includeSensitive");
    assertThat(status(staff, "ACTIVE")).isEqualTo(200);
    assertThat(exports.download(DEMO, export, "demo-admin", DEMO_ADMIN_PASSWORD).statusCode()).isEqualTo(200);
    HttpResponse<String> active = purge(staff, OPERATOR, OPERATOR_PASSWORD, DEMO);
    assertThat(active.statusCode()).as("still active").isEqualTo(409);
    assertThat(active.body()).contains("SUSPENDED");
    assertThat(status(staff, "SUSPENDED")).isEqualTo(200);
    jdbc.update("UPDATE tenant_export SET created_at = created_at - interval '1 day' WHERE id = ?::uuid", export);
    HttpResponse<String> stale = purge(staff, OPERATOR, OPERATOR_PASSWORD, DEMO);
    assertThat(stale.statusCode()).as("applications were filed after the export was requested").isEqualTo(409);
    assertThat(stale.body()).contains("エクスポートの後");
    jdbc.update("UPDATE tenant_export SET created_at = created_at + interval '1 day' WHERE id = ?::uuid", export);
    // changes that are no new application and no completed task, as if made after the export was requested
    for (String[] change : new String[][] {{"attachment", "created_at", "id"}, {"act_hi_detail", "time_", "id_"}}) {
      String table = change[0];
      String time = change[1];
      String id = change[2];
      String changed = jdbc.queryForObject("SELECT " + id + "::text FROM " + table + " WHERE " + (table.startsWith("act_")
          ? "tenant_id_" : "tenant_id") + " = 'demo' ORDER BY " + time + " DESC LIMIT 1", String.class);
      jdbc.update("UPDATE " + table + " SET " + time + " = " + time + " + interval '1 day' WHERE " + id + "::text = ?",
          changed);
      HttpResponse<String> changedSince = purge(staff, OPERATOR, OPERATOR_PASSWORD, DEMO);
      jdbc.update("UPDATE " + table + " SET " + time + " = " + time + " - interval '1 day' WHERE " + id + "::text = ?",
          changed);
      assertThat(changedSince.statusCode()).as(table + " changed after the export").isEqualTo(409);
    }
    assertThat(purge(staff, "demo-admin", DEMO_ADMIN_PASSWORD, DEMO).statusCode()).as("tenant admin").isIn(401, 403);
    assertThat(purge(staff, OPERATOR, OPERATOR_PASSWORD, KITA).statusCode()).as("wrong confirmation").isEqualTo(400);
    assertThat(staff.basic("POST", "/api/operator/tenants/demo/purge", OPERATOR, OPERATOR_PASSWORD, "{}").statusCode())
        .as("no confirmation").isEqualTo(400);

    // the purge fails twice partway: once after the accounts are gone, once after the tenant row is gone
    HttpResponse<String> stoppedInAppRows = purgeFailingOnDeleteFrom("tenant", staff);
    assertThat(stoppedInAppRows.statusCode()).as(stoppedInAppRows.body()).isEqualTo(500);
    assertThat(stoppedInAppRows.body()).contains("続きから再開");
    assertThat(count("SELECT count(*) FROM act_id_user WHERE id_ = 'demo-clerk'")).as("accounts already gone").isZero();
    HttpResponse<String> stoppedInLog = purgeFailingOnDeleteFrom("audit_chain", staff);
    assertThat(stoppedInLog.statusCode()).as(stoppedInLog.body()).isEqualTo(500);
    assertThat(count("SELECT count(*) FROM tenant WHERE id = 'demo'")).as("tenant row already gone").isZero();

    HttpResponse<String> purged = purge(staff, OPERATOR, OPERATOR_PASSWORD, DEMO);

    assertThat(purged.statusCode()).as(purged.body()).isEqualTo(200);
    JsonNode certificate = json.readTree(purged.body());
    assertThat(certificate.get("rowsLeft").asLong()).as(purged.body()).isZero();
    assertThat(certificate.get("attempts").asInt()).isEqualTo(3);
    assertThat(certificate.get("accountsDeleted").asInt()).isEqualTo(DEMO_ACCOUNTS.size());
    assertThat(certificate.get("auditLog").get("entriesRemoved").asLong()).isPositive();
    assertThat(purge(staff, OPERATOR, OPERATOR_PASSWORD, DEMO).statusCode()).as("purged already").isEqualTo(404);
    assertThat(jdbc.queryForObject("SELECT cardinality(accounts) FROM tenant_purge WHERE tenant = 'demo'", Integer.class))
        .as("the finished purge keeps its certificate, not the accounts").isZero();
    assertThat(certificate.get("tables").get("application").get("before").asLong()).isEqualTo(4);
    assertThat(certificate.get("tables").get("act_hi_procinst").get("before").asLong()).isPositive();
    assertThat(certificate.get("export").get("id").asText()).isEqualTo(export);
    assertNoRowOf(DEMO);
    assertThat(ownProcedureGrants()).as("the grants on the key of its own procedure").isZero();
    assertThat(certificate.get("tables").get("application_number_sequences").get("before").asLong()).isPositive();
    assertThat(count("SELECT count(*) FROM pg_class WHERE relkind = 'S' AND relname LIKE 'application_number_demo_%'"))
        .as("its application-number sequences").isZero();
    assertThat(operatorLog("tenant.purged")).anySatisfy(details -> assertThat(details).contains("rowsLeft"));
    assertThat(staff.basic("GET", "/api/demo/admin/exports", "demo-admin", DEMO_ADMIN_PASSWORD, null).statusCode())
        .isEqualTo(401);

    String kitaAfter = kitaJourney();
    assertThat(kitaAfter).isNotEqualTo(kitaBefore);
    assertThat(exports.ready(KITA, "kita-admin", "Hokubu-Admin-2026!", "{}")).isNotBlank();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM application WHERE tenant_id = ?", Long.class, KITA)).isEqualTo(2);
  }

  /** A purge during which the database refuses to delete from the table, as a fault partway would. */
  private HttpResponse<String> purgeFailingOnDeleteFrom(String table, StaffHttp staff) throws Exception {
    jdbc.execute("CREATE FUNCTION purge_fault() RETURNS trigger LANGUAGE plpgsql AS "
        + "$$ BEGIN RAISE EXCEPTION 'fault injected by PurgeTests'; END $$");
    jdbc.execute("CREATE TRIGGER purge_fault BEFORE DELETE ON " + table + " FOR EACH ROW EXECUTE FUNCTION purge_fault()");
    try {
      return purge(staff, OPERATOR, OPERATOR_PASSWORD, DEMO);
    } finally {
      jdbc.execute("DROP TRIGGER purge_fault ON " + table);
      jdbc.execute("DROP FUNCTION purge_fault()");
    }
  }

  private void assertNoRowOf(String tenant) {
    List<Map<String, Object>> columns = jdbc.queryForList("""
        SELECT c.table_name, c.column_name FROM information_schema.columns c
        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
          AND lower(c.column_name) IN ('tenant_id', 'tenant_id_')""");
    assertThat(columns).hasSizeGreaterThan(40);
    for (Map<String, Object> column : columns) {
      assertThat(jdbc.queryForObject("SELECT count(*) FROM " + column.get("table_name") + " WHERE "
          + column.get("column_name") + " = ?", Long.class, tenant)).as(column.toString()).isZero();
    }
    String[] accounts = DEMO_ACCOUNTS.toArray(String[]::new);
    assertThat(count("SELECT count(*) FROM tenant WHERE id = ?", tenant)).isZero();
    assertThat(count("SELECT count(*) FROM act_id_tenant WHERE id_ = ?", tenant)).isZero();
    assertThat(count("SELECT count(*) FROM act_id_user WHERE id_ = ANY (?)", (Object) accounts)).isZero();
    assertThat(count("SELECT count(*) FROM act_id_membership WHERE user_id_ = ANY (?)", (Object) accounts)).isZero();
    assertThat(count("SELECT count(*) FROM act_ru_authorization WHERE user_id_ = ANY (?) OR resource_id_ = ?",
        accounts, tenant)).isZero();
    assertThat(count("SELECT count(*) FROM act_ru_filter WHERE owner_ = ANY (?)", (Object) accounts)).isZero();
    assertThat(count("SELECT count(*) FROM staff_account WHERE user_id = ANY (?)", (Object) accounts)).isZero();
    assertThat(count("SELECT count(*) FROM audit_chain WHERE tenant_id = ?", tenant)).isZero();
    assertThat(count("SELECT count(*) FROM act_ge_bytearray b WHERE b.deployment_id_ IS NOT NULL AND NOT EXISTS "
        + "(SELECT 1 FROM act_re_deployment d WHERE d.id_ = b.deployment_id_)")).isZero();
  }

  private long ownProcedureGrants() {
    return count("SELECT count(*) FROM act_ru_authorization WHERE resource_type_ = 6 AND resource_id_ = 'demo-own-procedure'");
  }

  private long count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Long.class, args);
  }

  private List<String> operatorLog(String kind) throws InterruptedException {
    List<String> details = List.of();
    for (int attempt = 0; attempt < 100 && details.isEmpty(); attempt++) {
      Thread.sleep(100);
      details = jdbc.queryForList("SELECT details FROM audit_entry WHERE tenant_id = '' AND kind = ?", String.class, kind);
    }
    return details;
  }

  private int status(StaffHttp staff, String status) throws Exception {
    return staff.basic("PATCH", "/api/operator/tenants/demo", OPERATOR, OPERATOR_PASSWORD,
        "{\"status\": \"" + status + "\"}").statusCode();
  }

  private HttpResponse<String> purge(StaffHttp staff, String user, String password, String confirm) throws Exception {
    return staff.basic("POST", "/api/operator/tenants/demo/purge", user, password, "{\"confirm\": \"" + confirm + "\"}");
  }

  /** A resident of kita applies for bulky waste; kita's clerk approves it. Returns the application number. */
  private String kitaJourney() throws Exception {
    ObjectNode data = json.createObjectNode().put("applicantName", "北 太郎").put("address", "北市中央1-1")
        .put("preferredDate1", LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(30).toString()).put("phone", "090-1111-2222");
    data.putArray("items").addObject().put("name", "ソファ").put("size", "L").put("quantity", 1);
    String body = json.createObjectNode().put("procedureKey", "bulky-waste-collection")
        .put("clientRequestId", UUID.randomUUID().toString()).set("data", data).toString();
    HttpResponse<String> applied = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/kita/applications"))
        .header("Authorization", "Bearer " + LineIdTokens.LINE.token(LineIdTokens.KITA_CHANNEL, LineIdTokens.newUserId()))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
    String number = json.readTree(applied.body()).get("applicationNumber").asText();
    String instance = jdbc.queryForObject("SELECT process_instance_id FROM application WHERE tenant_id = ? AND number = ?",
        String.class, KITA, number);
    BulkyWasteApplications.runJobs(management, instance);
    String review = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
    tasks.complete(review, BulkyWasteApplications.approval(LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(40).toString()));
    BulkyWasteApplications.runJobs(management, instance);
    assertThat(tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("Task_ReviewApplication").count())
        .isZero();
    return number;
  }
}
