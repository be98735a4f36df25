package jp.madoguchi.staff;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jp.madoguchi.audit.OperationEvent;
import jp.madoguchi.database.NamedLocks;
import jp.madoguchi.login.LoginLocks;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A municipality's staff accounts as its tenant admin manages them: Camunda users that belong to
 * exactly that tenant, their groups (roles), and Madoguchi's flags (disabled, initial password).
 * Every change is one transaction with its {@link OperationEvent}, holding the account's lock
 * ({@link #lockAccount}) from before its first read, so that changes to one account sent at the
 * same moment run one after the other. Passwords and sign-in locks: {@link StaffCredentials}. Callers
 * check who may do it.
 */
@Component
public class StaffDirectory {

  private static final ZoneId JST = ZoneId.of("Asia/Tokyo");
  private static final String ACCOUNT_LOCK = "madoguchi.account";
  private static final String GROUP_LOCK = "madoguchi.staff-group";
  private static final Pattern STAFF_ID = Pattern.compile("^[a-z0-9][a-z0-9._-]{1,63}$");
  private static final Pattern NAME = Pattern.compile("^[^\\p{Cntrl}]{0,100}$");
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}]{1,190}$");

  private final IdentityService identity;
  private final StaffAccounts accounts;
  private final LoginLocks locks;
  private final ApplicationEventPublisher events;
  private final DepartmentsOfTenant departments;
  private final NamedLocks namedLocks;

  StaffDirectory(IdentityService identity, StaffAccounts accounts, LoginLocks locks, ApplicationEventPublisher events,
      DepartmentsOfTenant departments, NamedLocks namedLocks) {
    this.identity = identity;
    this.accounts = accounts;
    this.locks = locks;
    this.events = events;
    this.departments = departments;
    this.namedLocks = namedLocks;
  }

  /**
   * Holds the lock of an account id (staff or operator: one namespace) until the transaction ends.
   * Also taken by whatever else changes an account's memberships, such as a support grant.
   */
  public void lockAccount(String id) {
    namedLocks.lock(ACCOUNT_LOCK, id);
  }

  /** The tenant's staff; not an operator, who is a member of the tenant while a support grant lasts. */
  public List<StaffView> list(String tenantId) {
    Set<String> operators = identity.createUserQuery().memberOfGroup(StaffGroups.OPERATOR).list().stream()
        .map(User::getId).collect(Collectors.toSet());
    List<User> users = identity.createUserQuery().memberOfTenant(tenantId).list().stream()
        .filter(user -> !operators.contains(user.getId())).toList();
    Map<String, Instant> locked = locks.lockedAccounts(users.stream().map(User::getId).toList());
    return users.stream().map(user -> view(user, locked.get(user.getId())))
        .sorted(Comparator.comparing(StaffView::id)).toList();
  }

  public Optional<StaffView> find(String tenantId, String id) {
    return member(tenantId, id).map(user -> view(user, locks.lockedUntil(id).orElse(null)));
  }

  @Transactional
  public StaffView create(String tenantId, NewStaff request, String actor) {
    if (request.id() == null || !STAFF_ID.matcher(request.id()).matches()) {
      throw new StaffRequestException(400, "ID は英小文字・数字・「.」「_」「-」の 2〜64 文字にしてください "
          + "(id: 2-64 lowercase letters, digits, '.', '_' or '-')");
    }
    lockAccount(request.id());
    if (identity.createUserQuery().userId(request.id()).count() > 0) {
      throw new StaffRequestException(409, "この ID はすでに使われています (ID 自体は自治体をまたいで一意です) "
          + "(this id is taken; staff ids are unique across the deployment)");
    }
    User user = identity.newUser(request.id());
    applyNames(user, request.firstName(), request.lastName(), request.email());
    String problem = PasswordPolicy.problem(identity, request.password(), user);
    if (problem != null) {
      throw new StaffRequestException(400, problem);
    }
    StaffRoles roles = checkedRoles(tenantId, request.roles());
    user.setPassword(request.password());
    identity.saveUser(user);
    identity.createTenantUserMembership(tenantId, user.getId());
    roles.groups().forEach(group -> join(user.getId(), group));
    accounts.setMustChangePassword(user.getId(), true);
    publish(tenantId, actor, "staff.created", user.getId(), Map.of("roles", describe(roles)));
    return view(user, null);
  }

  @Transactional
  public StaffView update(String tenantId, String id, StaffChange change, String actor) {
    User user = lockedMember(tenantId, id);
    if (change.firstName() != null || change.lastName() != null || change.email() != null) {
      applyNames(user, change.firstName() != null ? change.firstName() : user.getFirstName(),
          change.lastName() != null ? change.lastName() : user.getLastName(),
          change.email() != null ? change.email() : user.getEmail());
      identity.saveUser(user);
    }
    if (change.roles() != null) {
      StaffRoles roles = checkedRoles(tenantId, change.roles());
      Set<String> current = groupsOf(id);
      Set<String> wanted = roles.groups();
      current.stream().filter(group -> !wanted.contains(group) && !group.equals(StaffGroups.OPERATOR))
          .forEach(group -> identity.deleteMembership(id, group));
      wanted.stream().filter(group -> !current.contains(group)).forEach(group -> join(id, group));
    }
    if (change.disabled() != null) {
      accounts.setDisabled(id, change.disabled());
    }
    publish(tenantId, actor, "staff.updated", id, changed(change));
    return view(user, locks.lockedUntil(id).orElse(null));
  }

  @Transactional
  public void delete(String tenantId, String id, String actor) {
    lockedMember(tenantId, id);
    identity.deleteUser(id);
    accounts.forget(id);
    locks.lift(id);
    publish(tenantId, actor, "staff.deleted", id, Map.of());
  }

  /** Takes the account's lock, then finds it as {@link #member}; 404 when it is none. */
  User lockedMember(String tenantId, String id) {
    lockAccount(id);
    return member(tenantId, id).orElseThrow(StaffDirectory::notFound);
  }

  /** The user, if they belong to this tenant and to no other, and are no operator. */
  private Optional<User> member(String tenantId, String id) {
    if (id == null || !STAFF_ID.matcher(id).matches()) {
      return Optional.empty();
    }
    User user = identity.createUserQuery().userId(id).singleResult();
    if (user == null || groupsOf(id).contains(StaffGroups.OPERATOR)) {
      return Optional.empty();
    }
    Set<String> tenants = identity.createTenantQuery().userMember(id).list().stream()
        .map(tenant -> tenant.getId()).collect(Collectors.toSet());
    return tenants.equals(Set.of(tenantId)) ? Optional.of(user) : Optional.empty();
  }

  /** Roles must name departments of this tenant; chief groups are made on first use. */
  private StaffRoles checkedRoles(String tenantId, StaffRoles roles) {
    if (roles == null || roles.isEmpty()) {
      throw new StaffRequestException(400, "部署・係長・管理者のいずれかの役割を 1 つ以上指定してください "
          + "(give at least one role: a department, chiefOf or tenantAdmin)");
    }
    if (roles.departments().contains("") || roles.chiefOf().contains("")) {
      throw new StaffRequestException(400, "部署名が空です。部署の ID を入れてください (a department name is empty or null)");
    }
    Set<String> known = departments(tenantId);
    Set<String> unknown = new TreeSet<>(roles.departments());
    unknown.addAll(roles.chiefOf());
    unknown.removeAll(known);
    if (!unknown.isEmpty()) {
      throw new StaffRequestException(400, "この自治体にない部署です: " + String.join(", ", unknown)
          + "（部署のページで追加できます） (not a department of this municipality; known: " + String.join(", ", known) + ")");
    }
    return roles;
  }

  /**
   * The departments this tenant's staff can be put in ({@link DepartmentsOfTenant}), never a
   * reserved group: Camunda's {@code camunda-admin} (a system group) must never be one, its members
   * skip the tenant check.
   */
  public SortedSet<String> departments(String tenantId) {
    SortedSet<String> known = new TreeSet<>(departments.of(tenantId));
    known.removeIf(group -> StaffGroups.isReserved(group) || group.endsWith(StaffRoles.CHIEF_SUFFIX));
    return known;
  }

  private void join(String userId, String groupId) {
    if (identity.createGroupQuery().groupId(groupId).count() == 0) {
      // one lock for every new group: two members joining two new groups in turn cannot deadlock
      namedLocks.lock(GROUP_LOCK, "");
    }
    if (identity.createGroupQuery().groupId(groupId).count() == 0) {
      Group group = identity.newGroup(groupId);
      group.setName(groupId);
      group.setType("WORKFLOW");
      identity.saveGroup(group);
    }
    identity.createMembership(userId, groupId);
  }

  private Set<String> groupsOf(String userId) {
    return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
        .collect(Collectors.toCollection(HashSet::new));
  }

  /** A staff member's or operator's names and email as entered, checked (400 with the reason). */
  public static void applyNames(User user, String firstName, String lastName, String email) {
    for (String name : new String[] {firstName, lastName}) {
      if (name != null && !NAME.matcher(name).matches()) {
        throw new StaffRequestException(400, "氏名は 100 文字以内で入力してください (names: at most 100 characters)");
      }
    }
    if (email != null && !email.isEmpty() && !EMAIL.matcher(email).matches()) {
      throw new StaffRequestException(400, "メールアドレスの形式が正しくありません (the email address is not valid)");
    }
    user.setFirstName(firstName == null || firstName.isBlank() ? user.getId() : firstName);
    user.setLastName(lastName == null ? "" : lastName);
    user.setEmail(email == null || email.isEmpty() ? null : email);
  }

  private StaffView view(User user, Instant lockedUntil) {
    StaffRoles roles = StaffRoles.of(groupsOf(user.getId()));
    var flags = accounts.flags(user.getId());
    return new StaffView(user.getId(), user.getFirstName(), user.getLastName(), user.getEmail(), roles.departments(),
        !roles.chiefOf().isEmpty(), roles.chiefOf(), roles.tenantAdmin(), flags.disabled(), flags.mustChangePassword(),
        lockedUntil == null ? null : lockedUntil.atZone(JST).toOffsetDateTime());
  }

  private static String describe(StaffRoles roles) {
    return String.join(",", roles.groups());
  }

  private static Map<String, String> changed(StaffChange change) {
    var details = new java.util.TreeMap<String, String>();
    if (change.roles() != null) {
      details.put("roles", describe(change.roles()));
    }
    if (change.disabled() != null) {
      details.put("disabled", change.disabled().toString());
    }
    if (change.firstName() != null || change.lastName() != null || change.email() != null) {
      details.put("profile", "changed");
    }
    return details;
  }

  private void publish(String tenantId, String actor, String kind, String target, Map<String, String> details) {
    events.publishEvent(new OperationEvent(tenantId, actor, kind, target, details));
  }

  private static StaffRequestException notFound() {
    return new StaffRequestException(404, "この自治体にその職員はいません (no such staff member in this municipality)");
  }

  public record NewStaff(String id, String password, String firstName, String lastName, String email, StaffRoles roles) {
  }

  /** Null fields stay as they are. */
  public record StaffChange(String firstName, String lastName, String email, StaffRoles roles, Boolean disabled) {
  }

  /** A staff member as the admin API shows them (contract C5). */
  public record StaffView(String id, String firstName, String lastName, String email, List<String> departments,
      boolean chief, List<String> chiefOf, boolean tenantAdmin, boolean disabled, boolean mustChangePassword,
      OffsetDateTime lockedUntil) {
  }
}
