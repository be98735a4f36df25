package jp.madoguchi.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

/**
 * The application detail's JSON (the LIFF pages read it): every resident step is a field of its own at
 * the top level, null while it has nothing to show, and there is no "steps" wrapper.
 */
class ResidentApplicationsJsonTests {

  private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();

  @Test
  void shouldWriteEveryResidentStepAsATopLevelFieldAndNullWhenItShowsNothing() {
    Map<String, Object> steps = new LinkedHashMap<>();
    steps.put("payment", Map.of("status", "REQUESTED", "amount", 300));
    steps.put("identityAssurance", null);
    steps.put("newStep", Map.of("status", "WAITING"));
    var detail = new ResidentApplications.Detail("2026-000001", "resident-certificate", "住民票の写し等の交付請求", null,
        "審査中", List.of(), JSON.createObjectNode(), null, List.of("withdraw"), List.of(), List.of(), steps);

    JsonNode written = JSON.valueToTree(detail);

    assertThat(written.has("steps")).isFalse();
    assertThat(written.get("payment").get("amount").asInt()).isEqualTo(300);
    assertThat(written.has("identityAssurance")).isTrue();
    assertThat(written.get("identityAssurance").isNull()).isTrue();
    assertThat(written.get("newStep").get("status").asText()).isEqualTo("WAITING");
    assertThat(written.get("clerkComment").isNull()).isTrue();
    assertThat(written.get("actions").get(0).asText()).isEqualTo("withdraw");
  }
}
