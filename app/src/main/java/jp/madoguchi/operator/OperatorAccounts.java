package jp.madoguchi.operator;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jp.madoguchi.audit.OperationEvent;
import jp.madoguchi.login.LoginLocks;
import jp.madoguchi.staff.PasswordPolicy;
import jp.madoguchi.staff.StaffAccounts;
import jp.madoguchi.staff.StaffDirectory;
import jp.madoguchi.staff.StaffRequestException;
import jp.madoguchi.staff.StaffGroups;
import jp.madoguchi.tenant.IpRange;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The SaaS operators' own accounts: members of the operator group, in no tenant. */
@Component
class OperatorAccounts {

  private static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9._-]{1,63}$");

  private final IdentityService identity;
  private final StaffAccounts accounts;
  private final LoginLocks locks;
  private final ApplicationEventPublisher events;
  private final StaffDirectory staff;

  OperatorAccounts(IdentityService identity, StaffAccounts accounts, LoginLocks locks, ApplicationEventPublisher events,
      StaffDirectory staff) {
    this.identity = identity;
    this.accounts = accounts;
    this.locks = locks;
    this.events = events;
    this.staff = staff;
  }

  List<Map<String, Object>> list() {
    return identity.createUserQuery().memberOfGroup(StaffGroups.OPERATOR).orderByUserId().asc().list().stream()
        .map(user -> Map.<String, Object>of("id", user.getId(), "firstName", nullToEmpty(user.getFirstName()),
            "lastName", nullToEmpty(user.getLastName()), "mustChangePassword", accounts.flags(user.getId()).mustChangePassword(),
            "locked", locks.lockedUntil(user.getId()).isPresent()))
        .toList();
  }

  @Transactional
  void create(String id, String password, String firstName, String lastName, String actor) {
    if (id == null || !ID.matcher(id).matches()) {
      throw new StaffRequestException(400, "ID は英小文字・数字・「.」「_」「-」の 2〜64 文字にしてください (invalid id)");
    }
    staff.lockAccount(id);
    if (identity.createUserQuery().userId(id).count() > 0) {
      throw new StaffRequestException(409, "この ID はすでに使われています (this id is taken)");
    }
    User user = identity.newUser(id);
    StaffDirectory.applyNames(user, firstName, lastName, null);
    String problem = PasswordPolicy.problem(identity, password, user);
    if (problem != null) {
      throw new StaffRequestException(400, problem);
    }
    user.setPassword(password);
    identity.saveUser(user);
    identity.createMembership(id, StaffGroups.OPERATOR);
    accounts.setMustChangePassword(id, true);
    events.publishEvent(new OperationEvent(null, actor, "operator.created", id, Map.of()));
  }

  @Transactional
  void delete(String id, String actor) {
    if (id.equals(actor)) {
      throw new StaffRequestException(409, "自分自身は削除できません (you cannot delete yourself)");
    }
    staff.lockAccount(id);
    if (identity.createUserQuery().userId(id).memberOfGroup(StaffGroups.OPERATOR).count() == 0) {
      throw new StaffRequestException(404, "その運用者はいません (no such operator)");
    }
    identity.deleteUser(id);
    accounts.forget(id);
    locks.lift(id);
    events.publishEvent(new OperationEvent(null, actor, "operator.deleted", id, Map.of()));
  }

  /** The address written as any IPv4 or IPv6 literal; lifting it is in the operators' log. */
  void liftAddressLock(String address, String actor) {
    byte[] wanted = IpRange.address(address).orElseThrow(() -> new StaffRequestException(400,
        "IP アドレス（例: 192.0.2.10、2001:db8::1）を指定してください (an IPv4 or IPv6 address, e.g. 192.0.2.10)"));
    int lifted = locks.liftAddresses(stored -> IpRange.address(stored).map(bytes -> Arrays.equals(bytes, wanted))
        .orElse(false));
    if (lifted == 0) {
      throw new StaffRequestException(404,
          "このアドレスにはログインの失敗もロックもありません (no failed sign-ins or lock for this address)");
    }
    events.publishEvent(new OperationEvent(null, actor, "login-lock.address-lifted", address, Map.of()));
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
