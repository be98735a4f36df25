package jp.madoguchi.admin;

import java.util.Map;

import jp.madoguchi.department.DepartmentDirectory;
import jp.madoguchi.staff.StaffAccess;
import jp.madoguchi.staff.StaffMember;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The tenant admin's names for the municipality's departments (contract C5). */
@RestController
@RequestMapping("/api/{tenant}/admin/department-names")
class DepartmentAdminController {

  private final DepartmentDirectory departments;

  DepartmentAdminController(DepartmentDirectory departments) {
    this.departments = departments;
  }

  @GetMapping
  Map<String, String> names(@PathVariable String tenant, Authentication authentication) {
    StaffAccess.requireTenantAdmin(authentication, tenant);
    return departments.names(tenant);
  }

  record DepartmentName(String name) {
  }

  @PutMapping("/{department}")
  Map<String, String> name(@PathVariable String tenant, @PathVariable String department,
      @RequestBody DepartmentName request, Authentication authentication) {
    StaffMember admin = StaffAccess.requireTenantAdmin(authentication, tenant);
    return departments.name(tenant, department, request.name(), admin.id());
  }

  @DeleteMapping("/{department}")
  ResponseEntity<Void> removeName(@PathVariable String tenant, @PathVariable String department,
      Authentication authentication) {
    StaffMember admin = StaffAccess.requireTenantAdmin(authentication, tenant);
    departments.removeName(tenant, department, admin.id());
    return ResponseEntity.noContent().build();
  }
}
