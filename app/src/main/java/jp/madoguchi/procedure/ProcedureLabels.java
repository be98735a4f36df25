package jp.madoguchi.procedure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * A deployed procedure's metadata (contract C1/C2): its information label, the labels of its form
 * fields and of its other variables ({@link VariableLabels}), its retention and its departments, read
 * from the BPMN and forms of its deployment once per definition (a deployed definition never changes).
 * Procedures deployed before labels existed count as {@link InformationLabel#UNLABELLED}, the strictest label.
 */
@Component
public class ProcedureLabels {

  /** The process variable with the procedure's label in Japanese, set at registration for the clerks' forms. */
  public static final String LABEL_VARIABLE = "informationLabel";

  private final RepositoryService repository;
  private final ProcedureForms forms;
  private final BuildingBlocks buildingBlocks;
  private final Map<String, Metadata> byDefinition = new ConcurrentHashMap<>();

  /** A keyed form field: its key ({@code path.key} inside a list), the text the form shows, its label. */
  public record LabelledField(String key, String text, InformationLabel label) {
  }

  private record Metadata(InformationLabel label, int retentionYears, List<String> departments,
      List<LabelledField> fields, Map<String, InformationLabel> fieldLabels, Map<String, InformationLabel> variableLabels) {
  }

  ProcedureLabels(RepositoryService repository, ProcedureForms forms, ListableBeanFactory beans) {
    this.repository = repository;
    this.forms = forms;
    this.buildingBlocks = new BuildingBlocks(beans);
  }

  public InformationLabel procedureLabel(String processDefinitionId) {
    return metadata(processDefinitionId).label();
  }

  /** Form field key → label, of the apply form and the clerks' task forms; lists by their path too. */
  public Map<String, InformationLabel> fieldLabels(String processDefinitionId) {
    return metadata(processDefinitionId).fieldLabels();
  }

  /** 文書保存年限 counted from completion; 0 when the procedure declares neither it nor a history time to live. */
  public int retentionYears(String processDefinitionId) {
    return metadata(processDefinitionId).retentionYears();
  }

  /** The candidate groups of the procedure: its {@code departments} property, else its user tasks' groups. */
  public List<String> departments(String processDefinitionId) {
    return metadata(processDefinitionId).departments();
  }

  /** Every keyed field of the procedure's forms, in form order, each key once. */
  public List<LabelledField> fields(String processDefinitionId) {
    return metadata(processDefinitionId).fields();
  }

  /** The names in a chat message template whose values must not go to chat (see {@link ChatLabels}). */
  public ChatLabels.NotForChat notForChat(String processDefinitionId, String template) {
    Metadata metadata = metadata(processDefinitionId);
    Map<String, InformationLabel> labels = new LinkedHashMap<>(metadata.variableLabels());
    metadata.fieldLabels().forEach((name, label) -> labels.merge(name, label, InformationLabel::max));
    return ChatLabels.notForChat(labels, metadata.label(), buildingBlocks.names(), template);
  }

  private Metadata metadata(String processDefinitionId) {
    return byDefinition.computeIfAbsent(processDefinitionId, id -> forms.asSystem(() -> read(id)));
  }

  private Metadata read(String definitionId) {
    ProcessDefinition definition = repository.getProcessDefinition(definitionId);
    BpmnModelInstance model = repository.getBpmnModelInstance(definitionId);
    Process process = model.getModelElementById(definition.getKey());
    Map<String, String> properties = ProcedureProperties.of(process);
    List<LabelledField> fields = new ArrayList<>();
    Map<String, InformationLabel> fieldLabels = new LinkedHashMap<>();
    for (String formRef : formRefs(process)) {
      forms.find(definition.getDeploymentId(), formRef).ifPresent(form -> addFields(form.definition(), fields, fieldLabels));
    }
    InformationLabel label = InformationLabel.parse(properties.get(ProcedureProperties.CONFIDENTIALITY),
        properties.get(ProcedureProperties.PERSONAL_DATA)).orElse(InformationLabel.UNLABELLED);
    return new Metadata(label, retentionYears(properties, definition), departments(properties, process),
        List.copyOf(fields), Map.copyOf(fieldLabels), VariableLabels.labels(properties.get(ProcedureProperties.VARIABLE_LABELS)));
  }

  private static void addFields(JsonNode form, List<LabelledField> fields, Map<String, InformationLabel> labels) {
    for (FormLabels.Field field : FormLabels.fields(form)) {
      InformationLabel label = field.label().orElse(InformationLabel.UNLABELLED);
      if (!labels.containsKey(field.key())) {
        fields.add(new LabelledField(field.key(), field.text(), label));
      }
    }
    FormLabels.labels(form).forEach((key, label) -> labels.merge(key, label, InformationLabel::max));
  }

  private static Set<String> formRefs(Process process) {
    Set<String> refs = new LinkedHashSet<>();
    for (StartEvent start : process.getChildElementsByType(StartEvent.class)) {
      addIfSet(refs, start.getCamundaFormRef());
    }
    for (UserTask task : process.getModelInstance().getModelElementsByType(UserTask.class)) {
      if (inside(task, process)) {
        addIfSet(refs, task.getCamundaFormRef());
      }
    }
    return refs;
  }

  private static int retentionYears(Map<String, String> properties, ProcessDefinition definition) {
    String declared = properties.getOrDefault(ProcedureProperties.RETENTION_YEARS, "").trim();
    if (declared.matches("\\d{1,3}")) {
      return Integer.parseInt(declared);
    }
    Integer days = definition.getHistoryTimeToLive();
    return days == null ? 0 : (days + 364) / 365;
  }

  private static List<String> departments(Map<String, String> properties, Process process) {
    Set<String> departments = new LinkedHashSet<>();
    String declared = properties.get(ProcedureProperties.DEPARTMENTS);
    if (declared != null && !declared.isBlank()) {
      Arrays.stream(declared.split(",")).map(String::trim).filter(group -> !group.isEmpty()).forEach(departments::add);
      return List.copyOf(departments);
    }
    for (UserTask task : process.getModelInstance().getModelElementsByType(UserTask.class)) {
      String groups = task.getCamundaCandidateGroups();
      if (inside(task, process) && groups != null && !ProcedureExpressions.hasExpression(groups)) {
        Arrays.stream(groups.split(",")).map(String::trim).filter(group -> !group.isEmpty()).forEach(departments::add);
      }
    }
    return List.copyOf(departments);
  }

  private static boolean inside(org.camunda.bpm.model.xml.instance.ModelElementInstance element, Process process) {
    for (var current = element.getParentElement(); current != null; current = current.getParentElement()) {
      if (current == process) {
        return true;
      }
    }
    return false;
  }

  private static void addIfSet(Set<String> refs, String ref) {
    if (ref != null && !ref.isBlank()) {
      refs.add(ref);
    }
  }
}
