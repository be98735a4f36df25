package jp.madoguchi.procedures.roaddamagereport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The routing table of processes/road-damage-routing.dmn, row by row: every category, danger or not. */
class RoadDamageRoutingTests {

  private static DmnEngine engine;
  private static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream dmn = RoadDamageRoutingTests.class.getResourceAsStream("/processes/road-damage-routing.dmn")) {
      decision = engine.parseDecision("road-damage-routing", dmn);
    }
  }

  @ParameterizedTest(name = "{0}, dangerous={1} → {2} {4}")
  @CsvSource({
      "道路の穴・段差,    false, road-section,  道路課,     通常",
      "道路の穴・段差,    true,  road-section,  道路課,     緊急",
      "道路の亀裂,        false, road-section,  道路課,     通常",
      "道路の亀裂,        true,  road-section,  道路課,     緊急",
      "街路灯の故障,      false, road-section,  道路課,     通常",
      "街路灯の故障,      true,  road-section,  道路課,     緊急",
      "カーブミラー,      false, road-section,  道路課,     通常",
      "カーブミラー,      true,  road-section,  道路課,     緊急",
      "ガードレール,      false, road-section,  道路課,     通常",
      "ガードレール,      true,  road-section,  道路課,     緊急",
      "公園の遊具,        false, park-section,  公園緑地課, 高",
      "公園の遊具,        true,  park-section,  公園緑地課, 緊急",
      "公園のベンチ・柵,  false, park-section,  公園緑地課, 通常",
      "公園のベンチ・柵,  true,  park-section,  公園緑地課, 緊急",
      "側溝・マンホール,  false, sewer-section, 下水道課,   通常",
      "側溝・マンホール,  true,  sewer-section, 下水道課,   緊急",
      "その他,            false, road-section,  道路課,     通常",
      "その他,            true,  road-section,  道路課,     緊急",
  })
  void shouldRouteEachCategoryToItsDepartment(String category, boolean dangerous, String department,
      String departmentName, String priority) {
    DmnDecisionRuleResult result = engine.evaluateDecisionTable(decision,
        Map.of("category", category, "dangerous", dangerous)).getSingleResult();

    assertThat(result.getEntryMap()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "department", department, "departmentName", departmentName, "priority", priority));
  }

  @Test
  void shouldSendAnUnknownCategoryToTheRoadSection() {
    var result = engine.evaluateDecisionTable(decision, Map.of("category", "不明", "dangerous", false)).getSingleResult();

    assertThat(result.getEntryMap()).containsEntry("department", "road-section");
  }
}
