package jp.madoguchi.account;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jp.madoguchi.audit.AccessLogContext;
import jp.madoguchi.audit.OperationEvent;
import jp.madoguchi.database.ConcurrentChange;
import jp.madoguchi.gate.ClientAddresses;
import jp.madoguchi.gate.StaffGate;
import jp.madoguchi.login.LoginLocks;
import jp.madoguchi.login.SignInNames;
import jp.madoguchi.staff.PasswordPolicy;
import jp.madoguchi.staff.StaffCredentials;
import jp.madoguchi.staff.StaffMember;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /staff/password}: a staff member changes their own password with the current one.
 * It is the one thing a person with an initial (or reset) password may do, from an address their
 * municipality allows; it counts as a sign-in for the login throttle.
 */
@RestController
class PasswordChangeController {

  private static final DateTimeFormatter JST = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
      .withZone(ZoneId.of("Asia/Tokyo"));

  private final IdentityService identity;
  private final LoginLocks locks;
  private final StaffGate gate;
  private final StaffCredentials credentials;
  private final ApplicationEventPublisher events;

  PasswordChangeController(IdentityService identity, LoginLocks locks, StaffGate gate, StaffCredentials credentials,
      ApplicationEventPublisher events) {
    this.identity = identity;
    this.locks = locks;
    this.gate = gate;
    this.credentials = credentials;
    this.events = events;
  }

  record PasswordChange(String userId, String currentPassword, String newPassword) {
  }

  @PostMapping(path = "/staff/password", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, String>> change(@RequestBody PasswordChange change, HttpServletRequest request) {
    if (change == null || SignInNames.unusable(change.userId()) || change.currentPassword() == null
        || change.newPassword() == null) {
      return answer(400, "ID、現在のパスワード、新しいパスワードを入力してください", "userId, currentPassword and newPassword are required");
    }
    String address = ClientAddresses.of(request);
    var state = locks.state(change.userId(), address);
    if (state.lockedUntil() != null) {
      AccessLogContext.kind(request, "login.locked");
      String until = JST.format(state.lockedUntil());
      return answer(429, "ログインの失敗が続いたため、" + until + " まではできません", "too many failed sign-ins: try again after " + until);
    }
    if (!identity.checkPassword(change.userId(), change.currentPassword())) {
      locks.failed(change.userId(), address);
      AccessLogContext.kind(request, "login.failed");
      return answer(401, "ID または現在のパスワードが違います", "wrong id or current password");
    }
    locks.succeeded(change.userId(), address, state);
    StaffMember member = member(change.userId());
    AccessLogContext.staff(request, member.id(), member.tenants().size() == 1 ? member.tenants().iterator().next() : null);
    var refusal = gate.checkForPasswordChange(member, address);
    if (refusal.isPresent()) {
      AccessLogContext.kind(request, "refused." + refusal.get().reason());
      return answer(403, refusal.get().japanese(), refusal.get().english());
    }
    User user = identity.createUserQuery().userId(member.id()).singleResult();
    if (change.newPassword().equals(change.currentPassword())) {
      return answer(400, "新しいパスワードは現在のものと変えてください", "the new password must differ from the current one");
    }
    String problem = PasswordPolicy.problem(identity, change.newPassword(), user);
    if (problem != null) {
      return ResponseEntity.badRequest().body(Map.of("message", problem));
    }
    if (!credentials.changeOwnPassword(member.id(), change.currentPassword(), change.newPassword())) {
      return ResponseEntity.status(409).body(Map.of("message", ConcurrentChange.MESSAGE));
    }
    events.publishEvent(new OperationEvent(member.tenants().size() == 1 ? member.tenants().iterator().next() : null,
        member.id(), "staff.password-changed", member.id(), Map.of()));
    AccessLogContext.kind(request, "password.changed");
    return answer(200, "パスワードを変更しました。新しいパスワードでログインしてください", "password changed; sign in with the new one");
  }

  private StaffMember member(String userId) {
    Set<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
        .collect(Collectors.toSet());
    Set<String> tenants = identity.createTenantQuery().userMember(userId).list().stream().map(Tenant::getId)
        .collect(Collectors.toSet());
    return new StaffMember(userId, groups, tenants);
  }

  private static ResponseEntity<Map<String, String>> answer(int status, String japanese, String english) {
    return ResponseEntity.status(status).body(Map.of("message", japanese + " (" + english + ")"));
  }
}
