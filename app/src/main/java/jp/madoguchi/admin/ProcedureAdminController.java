package jp.madoguchi.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jp.madoguchi.procedure.InformationLabel;
import jp.madoguchi.procedure.ProcedureLabels;
import jp.madoguchi.staff.StaffAccess;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tenant admin's list of the procedures the tenant runs (the latest shared ones and its own,
 * its own winning), with their information labels, retention, departments and labelled fields
 * (contract C5), for the console.
 */
@RestController
class ProcedureAdminController {

  private final RepositoryService repository;
  private final ProcedureLabels labels;

  ProcedureAdminController(RepositoryService repository, ProcedureLabels labels) {
    this.repository = repository;
    this.labels = labels;
  }

  @GetMapping("/api/{tenant}/admin/procedures")
  List<Map<String, Object>> procedures(@PathVariable String tenant, Authentication authentication) {
    StaffAccess.requireTenantAdmin(authentication, tenant);
    Map<String, ProcessDefinition> latest = new TreeMap<>();
    repository.createProcessDefinitionQuery().latestVersion().withoutTenantId().list()
        .forEach(definition -> latest.put(definition.getKey(), definition));
    repository.createProcessDefinitionQuery().latestVersion().tenantIdIn(tenant).list()
        .forEach(definition -> latest.put(definition.getKey(), definition));
    List<Map<String, Object>> procedures = new ArrayList<>();
    for (ProcessDefinition definition : latest.values()) {
      procedures.add(procedure(definition));
    }
    return procedures;
  }

  private Map<String, Object> procedure(ProcessDefinition definition) {
    String id = definition.getId();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("key", definition.getKey());
    json.put("name", definition.getName() == null ? definition.getKey() : definition.getName());
    json.put("version", definition.getVersion());
    json.put("tenantOwn", definition.getTenantId() != null);
    json.put("departments", labels.departments(id));
    json.put("label", label(labels.procedureLabel(id)));
    json.put("retentionYears", labels.retentionYears(id));
    List<Map<String, Object>> fields = new ArrayList<>();
    for (ProcedureLabels.LabelledField field : labels.fields(id)) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("key", field.key());
      entry.put("label", field.text());
      entry.put("confidentiality", field.label().confidentiality());
      entry.put("personalData", field.label().personalData().value());
      fields.add(entry);
    }
    json.put("fields", fields);
    return json;
  }

  private static Map<String, Object> label(InformationLabel label) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("confidentiality", label.confidentiality());
    json.put("personalData", label.personalData().value());
    json.put("text", label.japanese());
    return json;
  }
}
