package jp.madoguchi.tenant;

import java.security.SecureRandom;
import java.util.Base64;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Camunda's webapps send everybody to their "create the first administrator" page while Camunda's
 * {@code camunda-admin} group has no member, and members of that group bypass every authorization
 * and tenant check, so no person may be one. The group's only member is this account, which nobody
 * can use: its password is a new random one at every start, known to no one and never stored in
 * clear, and the staff gate refuses it anyway (it belongs to no tenant and is no operator). Any other
 * member found at start is taken out.
 */
@Component
class WebappSetupLock {

  private static final Logger log = LoggerFactory.getLogger(WebappSetupLock.class);
  static final String USER_ID = "madoguchi-setup-lock";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final IdentityService identity;

  WebappSetupLock(IdentityService identity) {
    this.identity = identity;
  }

  void ensure() {
    if (identity.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() == 0) {
      Group group = identity.newGroup(Groups.CAMUNDA_ADMIN);
      group.setName("Camunda administrators (nobody: see README)");
      group.setType(Groups.GROUP_TYPE_SYSTEM);
      identity.saveGroup(group);
    }
    User user = identity.createUserQuery().userId(USER_ID).singleResult();
    if (user == null) {
      user = identity.newUser(USER_ID);
      user.setFirstName("ログイン不可");
      user.setLastName("システム");
    }
    byte[] secret = new byte[48];
    RANDOM.nextBytes(secret);
    user.setPassword(Base64.getEncoder().encodeToString(secret) + "-Aa1!");
    identity.saveUser(user);
    if (identity.createUserQuery().userId(USER_ID).memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
      identity.createMembership(USER_ID, Groups.CAMUNDA_ADMIN);
    }
    for (User member : identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).list()) {
      if (!member.getId().equals(USER_ID)) {
        identity.deleteMembership(member.getId(), Groups.CAMUNDA_ADMIN);
        log.warn("Removed account {} from {}: its members skip every tenant check", member.getId(), Groups.CAMUNDA_ADMIN);
      }
    }
  }
}
