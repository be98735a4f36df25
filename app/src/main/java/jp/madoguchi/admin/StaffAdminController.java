package jp.madoguchi.admin;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.madoguchi.staff.StaffAccess;
import jp.madoguchi.staff.StaffCredentials;
import jp.madoguchi.staff.StaffDirectory;
import jp.madoguchi.staff.StaffDirectory.NewStaff;
import jp.madoguchi.staff.StaffDirectory.StaffChange;
import jp.madoguchi.staff.StaffDirectory.StaffView;
import jp.madoguchi.staff.StaffMember;
import jp.madoguchi.staff.StaffRequestException;
import jp.madoguchi.staff.StaffRoles;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tenant admin's staff API (contract C5): a municipality's administrators manage their own
 * staff, and only theirs. Operators are managed by operators ({@code /api/operator}).
 */
@RestController
@RequestMapping("/api/{tenant}/admin")
class StaffAdminController {

  private final StaffDirectory staff;
  private final StaffCredentials credentials;

  StaffAdminController(StaffDirectory staff, StaffCredentials credentials) {
    this.staff = staff;
    this.credentials = credentials;
  }

  @GetMapping("/staff")
  List<StaffView> list(@PathVariable String tenant, Authentication authentication) {
    StaffAccess.requireTenantAdmin(authentication, tenant);
    return staff.list(tenant);
  }

  /** The departments of this municipality a staff member can be put in. */
  @GetMapping("/departments")
  Set<String> departments(@PathVariable String tenant, Authentication authentication) {
    StaffAccess.requireTenantAdmin(authentication, tenant);
    return staff.departments(tenant);
  }

  record StaffRequest(String id, String password, String firstName, String lastName, String email,
      List<String> departments, Boolean chief, List<String> chiefOf, Boolean tenantAdmin, Boolean disabled) {

    StaffRoles roles() {
      List<String> chiefs = chiefOf != null ? chiefOf : Boolean.TRUE.equals(chief) ? departments : List.of();
      return new StaffRoles(departments, chiefs, Boolean.TRUE.equals(tenantAdmin));
    }

    boolean changesRoles() {
      return departments != null || chief != null || chiefOf != null || tenantAdmin != null;
    }
  }

  @PostMapping("/staff")
  ResponseEntity<StaffView> create(@PathVariable String tenant, @RequestBody StaffRequest request,
      Authentication authentication) {
    StaffMember admin = StaffAccess.requireTenantAdmin(authentication, tenant);
    StaffView created = staff.create(tenant, new NewStaff(request.id(), request.password(), request.firstName(),
        request.lastName(), request.email(), request.roles()), admin.id());
    return ResponseEntity.status(HttpStatus.CREATED).body(created);
  }

  @GetMapping("/staff/{id}")
  StaffView one(@PathVariable String tenant, @PathVariable String id, Authentication authentication) {
    StaffAccess.requireTenantAdmin(authentication, tenant);
    return staff.find(tenant, id).orElseThrow(StaffAdminController::notFound);
  }

  @PatchMapping("/staff/{id}")
  StaffView update(@PathVariable String tenant, @PathVariable String id, @RequestBody StaffRequest request,
      Authentication authentication) {
    StaffMember admin = StaffAccess.requireTenantAdmin(authentication, tenant);
    StaffView current = staff.find(tenant, id).orElseThrow(StaffAdminController::notFound);
    StaffRoles roles = null;
    if (request.changesRoles()) {
      // a field left out keeps its value
      roles = new StaffRoles(request.departments() != null ? request.departments() : current.departments(),
          request.chiefOf() != null ? request.chiefOf()
              : request.chief() != null ? (request.chief() ? request.departments() != null ? request.departments()
                  : current.departments() : List.of()) : current.chiefOf(),
          request.tenantAdmin() != null ? request.tenantAdmin() : current.tenantAdmin());
    }
    if (id.equals(admin.id()) && (Boolean.TRUE.equals(request.disabled()) || roles != null && !roles.tenantAdmin())) {
      throw new StaffRequestException(409, "自分自身を無効にしたり、自分の管理者権限を外したりはできません。別の管理者に依頼してください "
          + "(you cannot disable yourself or remove your own admin role; ask another administrator)");
    }
    return staff.update(tenant, id, new StaffChange(request.firstName(), request.lastName(), request.email(), roles,
        request.disabled()), admin.id());
  }

  @DeleteMapping("/staff/{id}")
  ResponseEntity<Void> delete(@PathVariable String tenant, @PathVariable String id, Authentication authentication) {
    StaffMember admin = StaffAccess.requireTenantAdmin(authentication, tenant);
    if (id.equals(admin.id())) {
      throw new StaffRequestException(409, "自分自身は削除できません (you cannot delete yourself)");
    }
    staff.delete(tenant, id, admin.id());
    return ResponseEntity.noContent().build();
  }

  record PasswordReset(String password) {
  }

  /** A new initial password (the one given, or a generated one returned once); the person must change it at sign-in. */
  @PostMapping("/staff/{id}/password-reset")
  Map<String, Object> resetPassword(@PathVariable String tenant, @PathVariable String id,
      @RequestBody(required = false) PasswordReset request, Authentication authentication) {
    StaffMember admin = StaffAccess.requireTenantAdmin(authentication, tenant);
    String initial = credentials.resetPassword(tenant, id, request == null ? null : request.password(), admin.id());
    return request == null || request.password() == null
        ? Map.of("id", id, "initialPassword", initial, "mustChangePassword", true)
        : Map.of("id", id, "mustChangePassword", true);
  }

  @DeleteMapping("/staff/{id}/lock")
  ResponseEntity<Void> liftLock(@PathVariable String tenant, @PathVariable String id, Authentication authentication) {
    StaffMember admin = StaffAccess.requireTenantAdmin(authentication, tenant);
    credentials.liftLock(tenant, id, admin.id());
    return ResponseEntity.noContent().build();
  }

  private static StaffRequestException notFound() {
    return new StaffRequestException(404, "この自治体にその職員はいません (no such staff member in this municipality)");
  }
}
