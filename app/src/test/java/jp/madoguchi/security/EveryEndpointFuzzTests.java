package jp.madoguchi.security;

import static jp.madoguchi.security.PerimeterAttackTests.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.BulkyWasteApplications;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.LineIdTokens;
import jp.madoguchi.procedure.TenantContext;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint the app maps, found at run time (an endpoint added tomorrow is covered the day it
 * is added), called with malformed input by the caller it is meant for and by others: bodies of the
 * wrong shape, every field of its request body and every query parameter with a value of the wrong
 * type, size or content, every path variable malformed. No answer may be a 5xx, and a refusal in
 * JSON gives its reason in Japanese. {@link MalformedInputSweepTests} keeps the hand-picked attacks
 * on Camunda's REST API, the webhook and the callbacks; this one is the standing sweep.
 * <p>
 * It runs in its own JVM, so on a database of its own: what it sends is meant to be refused, but
 * what is accepted must not change the tenants the other tests share.
 */
@Tag("own-jvm")
class EveryEndpointFuzzTests extends IntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TENANT = DEMO;
  private static final int BAD_GATEWAY = 502;
  private static final String ADMIN = basic("demo-admin", DEMO_ADMIN_PASSWORD);
  private static final String CLERK = basic("demo-clerk", DEMO_CLERK_PASSWORD);
  private static final String OPERATOR = basic("test-operator", "Operator-Pass-2026!");

  @LocalServerPort int port;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
  @Autowired ProcessEngine engine;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TestFactory
  Stream<DynamicTest> shouldAnswerMalformedInputOnEveryEndpointWithAReasonedClientError() {
    LineIdTokens.publish(LINE, LineIdTokens.LINE);
    VariableMap submission = BulkyWasteApplications.valid();
    String resident = "Bearer " + LineIdTokens.LINE.token(LineIdTokens.DEMO_CHANNEL,
        submission.getValue("residentRef", String.class));
    List<FuzzedEndpoint> endpoints = endpoints(openApplication(submission));
    assertThat(endpoints).as("the app's endpoints were found").hasSizeGreaterThan(60);
    return endpoints.stream().map(endpoint -> DynamicTest.dynamicTest(endpoint.toString(), () -> {
      List<String> faults = new ArrayList<>();
      for (FuzzCall call : endpoint.calls(endpoint.caller(ADMIN, OPERATOR, resident),
          List.of("", CLERK, resident))) {
        HttpResponse<String> response = call.send(http, "http://localhost:" + port);
        fault(call, response).ifPresent(faults::add);
      }
      assertThat(faults).as(endpoint + ": answers that are not a reasoned client error").isEmpty();
    }));
  }

  /** The resident's application waiting for its review: its number stands in for the path's. */
  private String openApplication(VariableMap submission) {
    ProcessInstance instance = TenantContext.callAs(TENANT, () -> engine.getRuntimeService()
        .startProcessInstanceByKey("bulky-waste-collection", submission));
    BulkyWasteApplications.runJobs(engine.getManagementService(), instance.getId());
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
        .singleResult().getBusinessKey();
  }

  private List<FuzzedEndpoint> endpoints(String application) {
    List<FuzzedEndpoint> endpoints = new ArrayList<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
      Set<String> methods = mapping.getKey().getMethodsCondition().getMethods().stream().map(Enum::name)
          .collect(Collectors.toSet());
      for (String pattern : mapping.getKey().getPatternValues()) {
        for (String method : methods.isEmpty() ? Set.of("GET", "POST") : methods) {
          endpoints.add(new FuzzedEndpoint(method, pattern, mapping.getValue(), TENANT, application));
        }
      }
    }
    endpoints.sort(Comparator.comparing(FuzzedEndpoint::toString));
    return endpoints;
  }

  private static Optional<String> fault(FuzzCall call, HttpResponse<String> response)
      throws IOException {
    int status = response.statusCode();
    String body = response.body().length() > 300 ? response.body().substring(0, 300) + "…" : response.body();
    // LINE's stand-in answers nothing the app asks it: the app reports that as LINE's failure
    if (status >= 500 && status != BAD_GATEWAY) {
      return Optional.of(call + " → " + status + " " + body);
    }
    boolean json = response.headers().firstValue("Content-Type").orElse("").contains("json");
    if (status >= 400 && json) {
      JsonNode answer = JSON.readTree(response.body());
      if (!answer.path("message").asText().matches("(?s).*[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}].*")) {
        return Optional.of(call + " → " + status + " without a reason in Japanese: " + body);
      }
    }
    return Optional.empty();
  }


}
