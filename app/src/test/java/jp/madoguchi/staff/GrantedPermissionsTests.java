package jp.madoguchi.staff;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.junit.jupiter.api.Test;

class GrantedPermissionsTests {

  @Test
  void shouldTellAGrantWithExactlyTheWantedPermissionsFromOneWithMoreOrFewer() {
    Authorization grant = grant(Resources.PROCESS_DEFINITION, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_TASK);

    assertThat(GrantedPermissions.exactly(grant, ProcessDefinitionPermissions.READ_TASK,
        ProcessDefinitionPermissions.READ)).isTrue();
    assertThat(GrantedPermissions.exactly(grant, ProcessDefinitionPermissions.READ)).as("one too many").isFalse();
    assertThat(GrantedPermissions.exactly(grant, ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_TASK,
        ProcessDefinitionPermissions.TASK_WORK)).as("one missing").isFalse();
  }

  @Test
  void shouldSeeAllAndNoneForWhatTheyAre() {
    assertThat(GrantedPermissions.exactly(grant(Resources.GROUP_MEMBERSHIP, Permissions.ALL), Permissions.ALL)).isTrue();
    assertThat(GrantedPermissions.exactly(grant(Resources.GROUP_MEMBERSHIP, Permissions.ALL), Permissions.READ)).isFalse();
    assertThat(GrantedPermissions.exactly(grant(Resources.USER, Permissions.READ), Permissions.ALL)).isFalse();
  }

  private static Authorization grant(Resources resource, org.camunda.bpm.engine.authorization.Permission... permissions) {
    AuthorizationEntity grant = new AuthorizationEntity(Authorization.AUTH_TYPE_GRANT);
    grant.setResource(resource);
    grant.setPermissions(permissions);
    return grant;
  }
}
