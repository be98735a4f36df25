package jp.madoguchi.export;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jp.madoguchi.export.KnownInstances.Known;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * The engine's audit trail of each application, through its public API: {@code applications/steps.json}
 * (every activity the instance passed: events, gateways, service steps, timers, user tasks, with
 * start and end, and whether it was cancelled) and {@code applications/decisions.json} (every decision
 * a DMN table took for it: which table and version, when, at which step, the rules that matched;
 * the input and output values only with 要配慮個人情報, since a value carries no label of its own).
 * One native query per batch of applications ({@link KnownInstances}) for each file, plus one query
 * for the batch's decisions' inputs and outputs.
 */
@Component
class ProcessHistoryExport {

  static final String STEPS = "applications/steps.json";
  static final String DECISIONS = "applications/decisions.json";

  private final KnownInstances instances;
  private final HistoryService history;
  private final ManagementService management;
  private final ObjectMapper json;

  ProcessHistoryExport(KnownInstances instances, HistoryService history, ManagementService management,
      ObjectMapper json) {
    this.instances = instances;
    this.history = history;
    this.management = management;
    this.json = json.copy().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  }

  /** Writes both files; returns the number of records of each. */
  Map<String, Long> write(ExportZip zip, String tenantId, boolean includeSensitive, long applications,
      ExportProgress progress) throws Exception {
    Map<String, Long> counts = new LinkedHashMap<>();
    progress.phase("steps", applications);
    try (JsonArrayFile file = new JsonArrayFile(zip, STEPS, json)) {
      instances.forEachBatch(tenantId, progress, batch -> {
        Map<String, List<HistoricActivityInstance>> byInstance = steps(tenantId, batch).stream()
            .collect(Collectors.groupingBy(HistoricActivityInstance::getProcessInstanceId));
        for (Known application : batch) {
          for (HistoricActivityInstance step : byInstance.getOrDefault(application.processInstanceId(), List.of())) {
            file.add(step(application.number(), step));
          }
        }
      });
      counts.put("steps", file.count());
    }
    progress.phase("decisions", applications);
    try (JsonArrayFile file = new JsonArrayFile(zip, DECISIONS, json)) {
      instances.forEachBatch(tenantId, progress, batch -> {
        Map<String, List<HistoricDecisionInstance>> byInstance = decisions(tenantId, batch).stream()
            .collect(Collectors.groupingBy(HistoricDecisionInstance::getProcessInstanceId));
        for (Known application : batch) {
          for (HistoricDecisionInstance decision : byInstance.getOrDefault(application.processInstanceId(), List.of())) {
            file.add(decision(application.number(), decision, includeSensitive));
          }
        }
      });
      counts.put("decisions", file.count());
    }
    return counts;
  }

  private List<HistoricActivityInstance> steps(String tenantId, List<Known> batch) {
    return BatchParameters.bound(history.createNativeHistoricActivityInstanceQuery()
        .sql("SELECT * FROM " + management.getTableName(HistoricActivityInstance.class)
            + " WHERE TENANT_ID_ = #{tenant} AND " + BatchParameters.instanceIn("PROC_INST_ID_", batch)
            + " ORDER BY PROC_INST_ID_, START_TIME_, SEQUENCE_COUNTER_")
        .parameter("tenant", tenantId), batch).list();
  }

  /** The batch's decisions with their inputs and outputs, oldest first. */
  private List<HistoricDecisionInstance> decisions(String tenantId, List<Known> batch) {
    String[] ids = BatchParameters.bound(history.createNativeHistoricDecisionInstanceQuery()
        .sql("SELECT * FROM " + management.getTableName(HistoricDecisionInstance.class)
            + " WHERE TENANT_ID_ = #{tenant} AND " + BatchParameters.instanceIn("PROC_INST_ID_", batch))
        .parameter("tenant", tenantId), batch).list().stream().map(HistoricDecisionInstance::getId)
        .toArray(String[]::new);
    if (ids.length == 0) {
      return List.of();
    }
    return history.createHistoricDecisionInstanceQuery().decisionInstanceIdIn(ids).tenantIdIn(tenantId)
        .includeInputs().includeOutputs().disableCustomObjectDeserialization()
        .orderByEvaluationTime().asc().list();
  }

  private static Map<String, Object> step(String number, HistoricActivityInstance step) {
    Map<String, Object> element = new LinkedHashMap<>();
    element.put("application", number);
    element.put("id", step.getId());
    element.put("activityId", step.getActivityId());
    element.put("name", step.getActivityName());
    element.put("type", step.getActivityType());
    element.put("taskId", step.getTaskId());
    element.put("startedAt", ExportStore.inJst(step.getStartTime()));
    element.put("endedAt", ExportStore.inJst(step.getEndTime()));
    element.put("canceled", step.isCanceled());
    return element;
  }

  private Map<String, Object> decision(String number, HistoricDecisionInstance decision, boolean includeSensitive)
      throws IOException {
    Map<String, Object> element = new LinkedHashMap<>();
    element.put("application", number);
    element.put("id", decision.getId());
    element.put("decision", decision.getDecisionDefinitionKey());
    element.put("name", decision.getDecisionDefinitionName());
    element.put("definitionId", decision.getDecisionDefinitionId());
    element.put("evaluatedAt", ExportStore.inJst(decision.getEvaluationTime()));
    element.put("activityId", decision.getActivityId());
    List<Map<String, Object>> inputs = new ArrayList<>();
    for (HistoricDecisionInputInstance input : decision.getInputs()) {
      Map<String, Object> clause = new LinkedHashMap<>();
      clause.put("clauseId", input.getClauseId());
      clause.put("clause", input.getClauseName());
      if (includeSensitive) {
        clause.put("value", value(number, input.getTypedValue(), input.getErrorMessage()));
      }
      inputs.add(clause);
    }
    element.put("inputs", inputs);
    List<Map<String, Object>> outputs = new ArrayList<>();
    for (HistoricDecisionOutputInstance output : decision.getOutputs()) {
      Map<String, Object> clause = new LinkedHashMap<>();
      clause.put("ruleId", output.getRuleId());
      clause.put("ruleOrder", output.getRuleOrder());
      clause.put("clauseId", output.getClauseId());
      clause.put("clause", output.getClauseName());
      clause.put("variable", output.getVariableName());
      if (includeSensitive) {
        clause.put("value", value(number, output.getTypedValue(), output.getErrorMessage()));
      }
      outputs.add(clause);
    }
    element.put("outputs", outputs);
    return element;
  }

  private Object value(String number, TypedValue value, String error) throws IOException {
    if (error != null) {
      throw new UnreadableApplication(number, new IllegalStateException("decision value: " + error));
    }
    return VariableValues.of(value, json);
  }
}
