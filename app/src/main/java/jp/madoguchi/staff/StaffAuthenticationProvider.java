package jp.madoguchi.staff;

import java.util.Set;
import java.util.stream.Collectors;

import jp.madoguchi.login.SignInNames;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Staff sign in to Madoguchi's own staff APIs with their Camunda account, so one password,
 * Camunda's password policy and its login throttling cover everything.
 */
@Component
class StaffAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identity;

  StaffAuthenticationProvider(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (SignInNames.unusable(userId) || !(credentials instanceof String password)
        || !identity.checkPassword(userId, password)) {
      throw new BadCredentialsException("Wrong staff id or password");
    }
    return staff(identity, userId);
  }

  /** The signed-in staff member with their current groups and tenants. */
  static Authentication staff(IdentityService identity, String userId) {
    Set<String> groups = identity.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).collect(Collectors.toUnmodifiableSet());
    Set<String> tenants = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
        .map(Tenant::getId).collect(Collectors.toUnmodifiableSet());
    var staff = new StaffMember(userId, groups, tenants);
    return UsernamePasswordAuthenticationToken.authenticated(staff, null,
        groups.stream().map(group -> new SimpleGrantedAuthority("GROUP_" + group)).toList());
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
