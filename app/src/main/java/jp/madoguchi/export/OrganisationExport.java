package jp.madoguchi.export;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jp.madoguchi.department.DepartmentDirectory;
import jp.madoguchi.staff.StaffDirectory;
import jp.madoguchi.staff.StaffDirectory.StaffView;
import org.springframework.stereotype.Component;

/**
 * How the municipality was organised: {@code organisation/departments.json} (every department with
 * the municipality's own name for it) and {@code organisation/staff.json} (every staff account with
 * its departments and roles; never a password; not an operator under a support grant). Staff names
 * and e-mail addresses are in an export one of the municipality's own staff asked for, not in an
 * operator's, as operators never see the staff list.
 */
@Component
class OrganisationExport {

  private final DepartmentDirectory departments;
  private final StaffDirectory staff;
  private final ObjectMapper json;

  OrganisationExport(DepartmentDirectory departments, StaffDirectory staff, ObjectMapper json) {
    this.departments = departments;
    this.staff = staff;
    this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
  }

  record Written(int departments, int staff, boolean staffNames) {
  }

  Written write(ExportZip zip, Export export, ExportProgress progress) throws Exception {
    String tenantId = export.tenantId();
    progress.phase("organisation", 2);
    Map<String, String> names = departments.names(tenantId);
    List<Map<String, Object>> departmentRows = new ArrayList<>();
    for (String id : staff.departments(tenantId)) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", id);
      row.put("name", names.get(id));
      departmentRows.add(row);
    }
    writeJson(zip, "organisation/departments.json", departmentRows);
    progress.item();

    List<StaffView> members = staff.list(tenantId);
    // the list holds no operator: an export one of the municipality's own staff asked for
    boolean staffNames = members.stream().anyMatch(member -> member.id().equals(export.requestedBy()));
    List<Map<String, Object>> staffRows = members.stream().map(member -> row(member, staffNames)).toList();
    writeJson(zip, "organisation/staff.json", staffRows);
    progress.item();
    return new Written(departmentRows.size(), staffRows.size(), staffNames);
  }

  private static Map<String, Object> row(StaffView member, boolean withNames) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", member.id());
    if (withNames) {
      row.put("lastName", member.lastName());
      row.put("firstName", member.firstName());
      row.put("email", member.email());
    }
    row.put("departments", member.departments());
    row.put("chiefOf", member.chiefOf());
    row.put("tenantAdmin", member.tenantAdmin());
    row.put("disabled", member.disabled());
    return row;
  }

  private void writeJson(ExportZip zip, String path, Object value) throws Exception {
    try (OutputStream out = zip.entry(path)) {
      out.write(json.writeValueAsBytes(value));
    }
  }
}
