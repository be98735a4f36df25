package jp.madoguchi.security;

import static jp.madoguchi.security.PerimeterAttackTests.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.Images;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.LineIdTokens;
import jp.madoguchi.TestDates;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * What outsiders learn of one resident's application through Madoguchi's own endpoints: every GET
 * the app maps (found at run time), with the application's number, photo and receipt in its path
 * variables, in デモ市 and in the outsider's own municipality, called by another resident of デモ市, a
 * resident of 北区, a clerk of another department, 北区's administrator and clerk, an operator without
 * a support grant and nobody. No answer may carry the applicant, the address or the ids of the
 * application, its photo or its receipt that the request did not name, and none may hand over a
 * file of it (the public verification page of a receipt excepted, which shows no personal data).
 */
class ApiLeakTests extends IntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)(?::(?:[^{}]|\\{[^{}]*})*)?}");

  @LocalServerPort int port;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
  @Autowired JdbcTemplate jdbc;
  @Autowired ManagementService management;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  record Filed(String resident, String number, String instance, String photo, String receipt, String applicant,
      String address) {

    /** What the answer shows that the request did not name (error answers repeat the path). */
    List<String> shownBy(String body, String path) {
      return Stream.of(applicant, address, instance, photo, receipt)
          .filter(value -> body.contains(value) && !path.contains(value)).toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> shouldShowOutsidersNothingOfAResidentsApplication() throws Exception {
    LINE.resetAll();
    LineIdTokens.publish(LINE, LineIdTokens.LINE);
    Filed filed = file();
    Map<String, Outsider> outsiders = new LinkedHashMap<>();
    outsiders.put("nobody", new Outsider("", "demo"));
    outsiders.put("another resident of demo", new Outsider("Bearer " + LineIdTokens.LINE.token(
        LineIdTokens.DEMO_CHANNEL, LineIdTokens.newUserId()), "demo"));
    outsiders.put("a resident of kita", new Outsider("Bearer " + LineIdTokens.LINE.token(LineIdTokens.KITA_CHANNEL,
        filed.resident()), "kita"));
    outsiders.put("demo-citizen", new Outsider(basic("demo-citizen", "Madoguchi-Citizen-2026!"), "demo"));
    outsiders.put("kita-admin", new Outsider(basic("kita-admin", "Hokubu-Admin-2026!"), "kita"));
    outsiders.put("kita-clerk", new Outsider(basic("kita-clerk", KITA_CLERK_PASSWORD), "kita"));
    outsiders.put("test-operator", new Outsider(basic("test-operator", "Operator-Pass-2026!"), "demo"));
    Set<String> patterns = new TreeSet<>(Comparator.naturalOrder());
    for (RequestMappingInfo mapping : mappings.getHandlerMethods().keySet()) {
      Set<?> methods = mapping.getMethodsCondition().getMethods();
      if (methods.isEmpty() || methods.stream().anyMatch(method -> method.toString().equals("GET"))) {
        patterns.addAll(mapping.getPatternValues());
      }
    }
    assertThat(patterns).as("the app's GET endpoints were found").hasSizeGreaterThan(30);
    return patterns.stream().map(pattern -> DynamicTest.dynamicTest("GET " + pattern, () -> {
      List<String> leaks = new ArrayList<>();
      for (Map.Entry<String, Outsider> outsider : outsiders.entrySet()) {
        for (String tenant : new TreeSet<>(List.of("demo", outsider.getValue().tenant()))) {
          String path = path(pattern, tenant, filed);
          HttpResponse<byte[]> answer = get(path, outsider.getValue().authorization());
          String body = new String(answer.body(), StandardCharsets.UTF_8);
          List<String> shown = filed.shownBy(body, path);
          if (!shown.isEmpty() || answer.statusCode() < 300 && isFile(answer) && !pattern.startsWith("/verify/")) {
            leaks.add(outsider.getKey() + ": GET " + path + " → " + answer.statusCode() + " "
                + answer.headers().firstValue("Content-Type").orElse("") + " shows " + shown);
          }
        }
      }
      assertThat(leaks).as("GET " + pattern + ": answers that show the application").isEmpty();
    }));
  }

  record Outsider(String authorization, String tenant) {
  }

  private static boolean isFile(HttpResponse<byte[]> answer) {
    String type = answer.headers().firstValue("Content-Type").orElse("");
    return type.startsWith("image/") || type.startsWith("application/pdf") || type.startsWith("application/octet")
        || answer.headers().firstValue("Content-Disposition").isPresent();
  }

  private static String path(String pattern, String tenant, Filed filed) {
    Matcher matcher = VARIABLE.matcher(pattern);
    StringBuilder path = new StringBuilder();
    while (matcher.find()) {
      String before = pattern.substring(0, matcher.start());
      String value = switch (matcher.group(1)) {
        case "tenant", "slug" -> tenant;
        case "number" -> filed.number();
        case "userId" -> filed.resident();
        case "id" -> before.contains("attachments") ? filed.photo()
            : before.contains("documents") || before.startsWith("/verify") ? filed.receipt() : filed.instance();
        case "key" -> "bulky-waste-collection";
        case "table" -> "applications";
        default -> UUID.randomUUID().toString();
      };
      matcher.appendReplacement(path, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(path);
    return path.toString().replace("/**", "/x").replace("/*", "/x");
  }

  private HttpResponse<byte[]> get(String path, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(30)).GET();
    if (!authorization.isEmpty()) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** A resident of デモ市 files 粗大ごみ through the LIFF API with a photo; its receipt is issued. */
  private Filed file() throws Exception {
    String resident = LineIdTokens.newUserId();
    String bearer = "Bearer " + LineIdTokens.LINE.token(LineIdTokens.DEMO_CHANNEL, resident);
    String boundary = "----api-leak";
    ByteArrayOutputStream upload = new ByteArrayOutputStream();
    upload.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"sofa.png\"\r\n"
        + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    upload.write(Images.png());
    upload.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> uploaded = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/api/demo/attachments")).header("Authorization", bearer)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(upload.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
    String photo = JSON.readTree(uploaded.body()).get("id").asText();
    String unique = UUID.randomUUID().toString().substring(0, 8);
    String applicant = "漏洩 確認" + unique;
    String address = "デモ市漏洩町" + unique;
    String body = JSON.writeValueAsString(Map.of("procedureKey", "bulky-waste-collection",
        "clientRequestId", UUID.randomUUID().toString(), "data", Map.of(
            "items", List.of(Map.of("name", "ソファ", "size", "L", "quantity", 1)), "address", address,
            "applicantName", applicant, "preferredDate1", TestDates.daysAhead(14), "phone", "090-1234-5678",
            "photo", List.of(photo))));
    HttpResponse<String> submitted = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/api/demo/applications")).header("Authorization", bearer).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
    String number = JSON.readTree(submitted.body()).get("applicationNumber").asText();
    String instance = jdbc.queryForObject("SELECT process_instance_id FROM application WHERE tenant_id = ? AND number = ?",
        String.class, DEMO, number);
    for (int round = 0; round < 5; round++) {
      management.createJobQuery().processInstanceId(instance).executable().list()
          .forEach(job -> management.executeJob(job.getId()));
    }
    String receipt = jdbc.queryForObject("SELECT id::text FROM document WHERE process_instance_id = ?", String.class,
        instance);
    return new Filed(resident, number, instance, photo, receipt, applicant, address);
  }
}
