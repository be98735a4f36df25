package jp.madoguchi.staff;

import java.util.Map;

import jp.madoguchi.audit.OperationEvent;
import jp.madoguchi.login.LoginLocks;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How a staff member signs in, as far as others may change it: a password reset and a lock lifted by
 * their tenant admin, and the person's own password change. Like every change to an account, each
 * holds the account's lock ({@link StaffDirectory#lockAccount}) from before its first read.
 */
@Component
public class StaffCredentials {

  private final IdentityService identity;
  private final StaffDirectory directory;
  private final StaffAccounts accounts;
  private final LoginLocks locks;
  private final ApplicationEventPublisher events;

  StaffCredentials(IdentityService identity, StaffDirectory directory, StaffAccounts accounts, LoginLocks locks,
      ApplicationEventPublisher events) {
    this.identity = identity;
    this.directory = directory;
    this.accounts = accounts;
    this.locks = locks;
    this.events = events;
  }

  /** Sets a new initial password (given, or made up and returned once); the person must change it. */
  @Transactional
  public String resetPassword(String tenantId, String id, String password, String actor) {
    User user = directory.lockedMember(tenantId, id);
    String initial = password == null || password.isEmpty() ? PasswordPolicy.initialPassword() : password;
    String problem = PasswordPolicy.problem(identity, initial, user);
    if (problem != null) {
      throw new StaffRequestException(400, problem);
    }
    user.setPassword(initial);
    identity.saveUser(user);
    accounts.setMustChangePassword(id, true);
    locks.lift(id);
    events.publishEvent(new OperationEvent(tenantId, actor, "staff.password-reset", id, Map.of()));
    return initial;
  }

  /**
   * A person's own new password, once the policy and the current password were checked: saved under
   * the account's lock if the current password still holds. False when a change sent at the same
   * moment (another tab) changed it first: the later one must not overwrite it unseen.
   */
  @Transactional
  public boolean changeOwnPassword(String id, String currentPassword, String newPassword) {
    directory.lockAccount(id);
    if (!identity.checkPassword(id, currentPassword)) {
      return false;
    }
    User user = identity.createUserQuery().userId(id).singleResult();
    user.setPassword(newPassword);
    identity.saveUser(user);
    accounts.setMustChangePassword(id, false);
    return true;
  }

  /** Lifts the lock that failed sign-ins put on the account (Madoguchi's and Camunda's). */
  @Transactional
  public void liftLock(String tenantId, String id, String actor) {
    directory.lockedMember(tenantId, id);
    locks.lift(id);
    identity.unlockUser(id);
    events.publishEvent(new OperationEvent(tenantId, actor, "staff.lock-lifted", id, Map.of()));
  }
}
