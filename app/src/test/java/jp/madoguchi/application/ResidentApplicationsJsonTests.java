package jp.madoguchi.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

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

  @Test
  void shouldTakeEveryResidentStepBeanWithoutKnowingItsName() {
    ApplicationRecord application = new ApplicationRecord(UUID.randomUUID(), "demo", "2026-000001",
        "resident-certificate", "instance", "resident", Instant.now(), "CONFIDENTIAL");
    ResidentStep waiting = step("payment", Optional.empty());
    ResidentStep shown = step("interview", Optional.of(Map.of("at", "2026-12-10T10:00+09:00")));

    Map<String, Object> views = new ResidentStepViews(List.of(waiting, shown)).of(application);

    assertThat(views).containsOnlyKeys("payment", "interview").containsEntry("payment", null);
    assertThat(views.get("interview")).isEqualTo(Map.of("at", "2026-12-10T10:00+09:00"));
  }

  private static ResidentStep step(String name, Optional<Object> view) {
    return new ResidentStep() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Optional<Object> view(ApplicationRecord application) {
        return view;
      }
    };
  }
}
