package jp.madoguchi.extension.childallowance;

import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.procedure.ProcedureBuildingBlock;
import jp.madoguchi.procedure.VariablesJson;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * "手当額の試算": estimates the monthly amount from the children's birth dates
 * ({@link ChildAllowanceRule}) and pre-fills the clerk's review form: {@code monthlyAmount},
 * {@code allowanceBreakdown} and, on the first run, {@code startMonth} (YYYY-MM).
 */
@ProcedureBuildingBlock("estimateChildAllowance")
class EstimateChildAllowanceDelegate implements JavaDelegate {

  private final ObjectMapper json;
  private final Clock clock;

  EstimateChildAllowanceDelegate(ObjectMapper json, Clock clock) {
    this.json = json;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    JsonNode children = VariablesJson.of(Map.of("children", execution.getVariable("children")), json).get("children");
    List<LocalDate> birthDates = new ArrayList<>();
    children.forEach(child -> birthDates.add(LocalDate.parse(child.path("birthDate").asText())));
    ChildAllowanceRule.Estimate estimate = ChildAllowanceRule.estimate(LocalDate.now(clock), birthDates);
    NumberFormat yen = NumberFormat.getIntegerInstance(Locale.JAPAN);
    String breakdown = estimate.shares().stream()
        .map(share -> "第" + share.rank() + "子（" + share.age() + "歳）" + yen.format(share.amount()) + "円")
        .collect(Collectors.joining("、"));
    execution.setVariable("monthlyAmount", estimate.monthlyAmount());
    execution.setVariable("allowanceBreakdown", breakdown.isEmpty() ? "対象となる児童がいません" : breakdown);
    if (execution.getVariable("startMonth") == null) {
      execution.setVariable("startMonth", estimate.startMonth().toString());
    }
  }
}
