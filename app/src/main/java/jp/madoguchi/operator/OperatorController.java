package jp.madoguchi.operator;

import java.util.List;
import java.util.Map;

import jp.madoguchi.audit.AuditChainVerifier;
import jp.madoguchi.audit.AuditCheckpoint;
import jp.madoguchi.audit.AuditChainVerifier.Verification;
import jp.madoguchi.audit.AuditFilter;
import jp.madoguchi.audit.AuditSearch;
import jp.madoguchi.audit.AuditSearch.AuditPage;
import jp.madoguchi.login.LoginLocks;
import jp.madoguchi.staff.StaffAccess;
import jp.madoguchi.staff.StaffMember;
import jp.madoguchi.staff.StaffRequestException;
import jp.madoguchi.tenant.TenantCreation.NewTenant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The SaaS operators' API: municipalities (create, suspend, resume, set their allow-list when
 * their admins locked themselves out), operators' own accounts, locked addresses, and the
 * deployment's own log (operators' actions and sign-ins of unknown accounts).
 */
@RestController
@RequestMapping("/api/operator")
class OperatorController {

  private final OperatorTenants tenants;
  private final OperatorAccounts operators;
  private final LoginLocks locks;
  private final AuditSearch search;
  private final AuditChainVerifier verifier;

  OperatorController(OperatorTenants tenants, OperatorAccounts operators, LoginLocks locks, AuditSearch search,
      AuditChainVerifier verifier) {
    this.tenants = tenants;
    this.operators = operators;
    this.locks = locks;
    this.search = search;
    this.verifier = verifier;
  }

  @GetMapping("/tenants")
  List<Map<String, Object>> tenants(Authentication authentication) {
    StaffAccess.requireOperator(authentication);
    return tenants.list();
  }

  @PostMapping("/tenants")
  ResponseEntity<Map<String, Object>> create(@RequestBody NewTenant request, Authentication authentication) {
    StaffMember operator = StaffAccess.requireOperator(authentication);
    return ResponseEntity.status(HttpStatus.CREATED).body(tenants.create(request, operator.id()));
  }

  record TenantChange(String status, List<String> staffAllowedCidrs) {
  }

  @PatchMapping("/tenants/{slug}")
  Map<String, Object> change(@PathVariable String slug, @RequestBody TenantChange change, Authentication authentication) {
    StaffMember operator = StaffAccess.requireOperator(authentication);
    return tenants.change(slug, change.status(), change.staffAllowedCidrs(), operator.id());
  }

  @GetMapping("/operators")
  List<Map<String, Object>> operators(Authentication authentication) {
    StaffAccess.requireOperator(authentication);
    return operators.list();
  }

  record NewOperator(String id, String password, String firstName, String lastName) {
  }

  @PostMapping("/operators")
  ResponseEntity<Map<String, Object>> createOperator(@RequestBody NewOperator request, Authentication authentication) {
    StaffMember operator = StaffAccess.requireOperator(authentication);
    operators.create(request.id(), request.password(), request.firstName(), request.lastName(), operator.id());
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", request.id(), "mustChangePassword", true));
  }

  @DeleteMapping("/operators/{id}")
  ResponseEntity<Void> deleteOperator(@PathVariable String id, Authentication authentication) {
    StaffMember operator = StaffAccess.requireOperator(authentication);
    operators.delete(id, operator.id());
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/login-locks")
  Map<String, Object> lockedAddresses(Authentication authentication) {
    StaffAccess.requireOperator(authentication);
    return Map.of("addresses", locks.lockedAddresses());
  }

  @DeleteMapping("/login-locks/addresses/{address}")
  ResponseEntity<Void> liftAddress(@PathVariable String address, Authentication authentication) {
    StaffMember operator = StaffAccess.requireOperator(authentication);
    operators.liftAddressLock(address, operator.id());
    return ResponseEntity.noContent().build();
  }

  /** The deployment's own log (tenant ''): operators' actions, sign-ins of unknown accounts. */
  @GetMapping("/audit-log")
  AuditPage log(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
      @RequestParam(required = false) String kind, Authentication authentication) {
    StaffAccess.requireOperator(authentication);
    if (page < 0 || size < 1 || size > 500) {
      throw new StaffRequestException(400, "page >= 0, size 1-500");
    }
    return search.search(new AuditFilter("", null, null, null, null, null, kind), page, size);
  }

  @GetMapping("/audit-chain/verify")
  Verification verify(@RequestParam(required = false) Long seq, @RequestParam(required = false) String hash,
      Authentication authentication) {
    StaffAccess.requireOperator(authentication);
    return verifier.verify("", checkpoint(seq, hash));
  }

  @ExceptionHandler(StaffRequestException.class)
  ResponseEntity<Map<String, String>> refused(StaffRequestException e) {
    return ResponseEntity.status(e.status()).body(Map.of("message", e.getMessage()));
  }

  @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
  ResponseEntity<Map<String, String>> denied() {
    return ResponseEntity.status(403).body(Map.of("message", "運用者だけが行えます (operators only)"));
  }

  private static AuditCheckpoint checkpoint(Long seq, String hash) {
    try {
      return AuditCheckpoint.of(seq, hash);
    } catch (IllegalArgumentException e) {
      throw new StaffRequestException(400, e.getMessage());
    }
  }
}
