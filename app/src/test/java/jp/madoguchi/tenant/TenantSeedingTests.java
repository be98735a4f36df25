package jp.madoguchi.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.StaffHttp;
import jp.madoguchi.department.DepartmentDirectory;
import jp.madoguchi.staff.StaffAccounts;
import jp.madoguchi.staff.StaffDirectory;
import jp.madoguchi.staff.StaffDirectory.StaffChange;
import jp.madoguchi.staff.StaffGroups;
import jp.madoguchi.staff.StaffRoles;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

class TenantSeedingTests extends IntegrationTest {

  @Autowired TenantRepository tenants;
  @Autowired TenantSeeder seeder;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizationService;
  @Autowired JdbcTemplate jdbc;
  @Autowired TenantKeys keys;
  @Autowired StaffDirectory staff;
  @Autowired StaffAccounts accounts;
  @Autowired DepartmentDirectory departments;
  @Autowired ObjectMapper json;
  @LocalServerPort int port;

  private static final String KITA_ADMIN_PASSWORD = "Hokubu-Admin-2026!";

  @Test
  void shouldCreateTheSeededTenantsInTheAppAndInCamunda() {
    assertThat(tenants.findAll()).extracting(Tenant::id).contains(DEMO, KITA);
    Tenant kita = tenants.findById(KITA).orElseThrow();
    assertThat(kita.name()).isEqualTo("北市");
    assertThat(kita.staffAllowedCidrs()).containsExactly("192.0.2.0/24", "127.0.0.0/8", "::1/128");
    assertThat(kita.loginChannelId()).isEqualTo("2234567890");
    assertThat(identity.createTenantQuery().tenantId(KITA).singleResult().getName()).isEqualTo("北市");
  }

  @Test
  void shouldMakeStaffMembersOfTheirTenantAndGroupsOnly() {
    assertThat(identity.createTenantQuery().userMember("kita-clerk").list()).extracting(t -> t.getId())
        .containsExactly(KITA);
    assertThat(identity.createGroupQuery().groupMember("kita-clerk").list()).extracting(g -> g.getId())
        .containsExactly("waste-section");
    assertThat(identity.checkPassword("kita-clerk", KITA_CLERK_PASSWORD)).isTrue();
    assertThat(identity.createGroupQuery().groupMember("test-operator").list()).extracting(g -> g.getId())
        .containsExactly(StaffGroups.OPERATOR);
  }

  @Test
  void shouldKeepLineSecretsEncryptedWithTheTenantsOwnKey() {
    byte[] secret = jdbc.queryForObject("SELECT line_channel_secret FROM tenant WHERE id = ?", byte[].class, KITA);
    assertThat(new String(secret, StandardCharsets.ISO_8859_1)).doesNotContain("kita-secret");
    assertThat(keys.decrypt(KITA, "line_channel_secret", secret)).isEqualTo("kita-secret");
    assertThatThrownBy(() -> keys.decrypt(DEMO, "line_channel_secret", secret))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldChangeNothingWhenTheSameSeedIsAppliedAgain() {
    long authorizations = count("SELECT count(*) FROM act_ru_authorization");
    long revisions = count("SELECT sum(rev_) FROM act_ru_authorization");
    long users = count("SELECT count(*) FROM act_id_user");
    byte[] dataKey = jdbc.queryForObject("SELECT data_key FROM tenant WHERE id = ?", byte[].class, DEMO);

    applyTheDemoClerksSeedAgain();

    assertThat(count("SELECT count(*) FROM act_ru_authorization")).isEqualTo(authorizations);
    assertThat(count("SELECT sum(rev_) FROM act_ru_authorization")).as("no unchanged grant rewritten").isEqualTo(revisions);
    assertThat(count("SELECT count(*) FROM act_id_user")).isEqualTo(users);
    assertThat(jdbc.queryForObject("SELECT data_key FROM tenant WHERE id = ?", byte[].class, DEMO)).isEqualTo(dataKey);
    assertThat(identity.checkPassword("demo-clerk", DEMO_CLERK_PASSWORD)).isTrue();
  }

  @Test
  void shouldTakeAwayAPermissionAGrantShouldNotHaveWhenTheSeedIsApplied() {
    Authorization grant = wasteSectionGrantOnInstances();
    grant.addPermission(Permissions.DELETE);
    authorizationService.saveAuthorization(grant);

    applyTheDemoClerksSeedAgain();

    Authorization after = wasteSectionGrantOnInstances();
    assertThat(after.isPermissionGranted(Permissions.DELETE)).isFalse();
    assertThat(after.isPermissionGranted(Permissions.CREATE)).isTrue();
  }

  @Test
  void shouldRefuseABadSeedAsAWholeAndCreateNothing() {
    long tenantCount = count("SELECT count(*) FROM tenant");
    TenantsSeed bad = seed("""
        tenants:
          - slug: minami
            name: 南市
            staffAllowedCidrs: ["10.0.0.0/33"]
            staff:
              - {id: minami-clerk, password: "short", groups: [waste-section]}
          - slug: Bad_Slug
            name: ""
        """);

    assertThatThrownBy(() -> seeder.apply(bad))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("10.0.0.0/33")
        .hasMessageContaining("password of 'minami-clerk'")
        .hasMessageContaining("slug must be lowercase")
        .hasMessageContaining("name is required");
    assertThat(count("SELECT count(*) FROM tenant")).isEqualTo(tenantCount);
    assertThat(identity.createUserQuery().userId("minami-clerk").count()).isZero();
  }

  @Test
  void shouldRefuseAnEmptyItemInAListAsAProblemOfTheSeed() {
    TenantsSeed empty = seed("""
        tenants:
          - slug: minami
            name: 南市
            staffAllowedCidrs: ["10.0.0.0/8", null]
            staff:
              - {id: minami-clerk, password: "Seeded-Initial-2026!", groups: [waste-section, null]}
        """);

    assertThatThrownBy(() -> seeder.apply(empty))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("staffAllowedCidrs: an empty item")
        .hasMessageContaining("an empty group of 'minami-clerk'");
    assertThat(identity.createUserQuery().userId("minami-clerk").count()).isZero();
  }

  @Test
  void shouldRefuseAStaffIdThatBelongsToAnotherTenant() {
    assertThatThrownBy(() -> seeder.apply(seed("""
        tenants:
          - slug: kita
            name: 北市
            staff:
              - {id: demo-clerk, groups: [waste-section]}
        """))).hasMessageContaining("already belongs to tenant 'demo'");
  }

  @Test
  void shouldRefuseGroupsThatSkipTheTenantCheckAndOperatorsAsATenantsStaff() {
    assertThatThrownBy(() -> seeder.apply(seed("""
        tenants:
          - slug: kita
            name: 北市
            staff:
              - {id: kita-clerk, groups: [waste-section, %s]}
              - {id: test-operator, groups: [tenant-admin]}
        """.formatted(Groups.CAMUNDA_ADMIN)))).hasMessageContaining("'kita-clerk' cannot be in " + Groups.CAMUNDA_ADMIN)
        .hasMessageContaining("'test-operator' is an operator");
    assertThat(identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).userId("kita-clerk").count()).isZero();
    assertThat(identity.createUserQuery().memberOfGroup("tenant-admin").userId("test-operator").count()).isZero();
  }

  @Test
  void shouldNameTheSeededDepartmentsAndKeepTheNamesTheAdministratorGaveSince() throws Exception {
    String kitaDepartments = """
        tenants:
          - slug: kita
            name: 北市
            departments:
              waste-section: " 清掃課 "
              dog-section: 生活衛生課
        """;
    try {
      seeder.apply(seed(kitaDepartments));
      assertThat(names(KITA)).containsExactly("dog-section=生活衛生課", "waste-section=清掃課");
      assertThat(names(DEMO)).as("names belong to one municipality").doesNotContain("waste-section=清掃課");
      assertThat(kitasOperationLog("department.named", "dog-section").toString())
          .contains("生活衛生課", "tenants-seed", "system");
      assertThat(kitasOperationLog("tenant.created", KITA).get("account").asText()).as("kita came from the seed file")
          .isEqualTo("system");

      jdbc.update("UPDATE department SET name = '環境部 清掃課' WHERE tenant_id = 'kita' AND group_id = 'waste-section'");
      departments.removeName(KITA, "dog-section", "kita-admin");
      seeder.apply(seed(kitaDepartments));
      assertThat(names(KITA)).as("changed and removed names stay so").containsExactly("waste-section=環境部 清掃課");
    } finally {
      jdbc.update("DELETE FROM department WHERE tenant_id = 'kita'");
      jdbc.update("DELETE FROM seed_applied WHERE tenant_id = 'kita' AND kind = 'DEPARTMENT_NAME'");
    }
  }

  @Test
  void shouldNotBringBackAnAccountTheAdministratorDeletedWithTheSeedsPassword() throws Exception {
    String seedWithALeaver = """
        tenants:
          - slug: kita
            name: 北市
            staff:
              - {id: kita-leaver, password: "Seeded-Initial-2026!", groups: [waste-section]}
        """;
    try {
      seeder.apply(seed(seedWithALeaver));
      assertThat(identity.checkPassword("kita-leaver", "Seeded-Initial-2026!")).isTrue();
      JsonNode created = kitasOperationLog("staff.created", "kita-leaver");
      assertThat(created.get("account").asText()).isEqualTo("system");
      assertThat(created.toString()).contains("tenants-seed", "waste-section").doesNotContain("Seeded-Initial");

      staff.delete(KITA, "kita-leaver", "kita-admin");
      seeder.apply(seed(seedWithALeaver));

      assertThat(identity.createUserQuery().userId("kita-leaver").count()).as("the deleted account stays deleted").isZero();
      assertThat(identity.createTenantQuery().userMember("kita-leaver").count()).isZero();
    } finally {
      forget("kita-leaver");
    }
  }

  @Test
  void shouldMakeEveryAccountTheFileCreatesReplaceItsPasswordAtFirstSignInUnlessTheFileSaysPermanent() throws Exception {
    String seedWithANewAdmin = """
        tenants:
          - slug: kita
            name: 北市
            staff:
              - {id: kita-newcomer, password: "Seeded-Initial-2026!", groups: [tenant-admin]}
        operators:
          - {id: ops-newcomer, password: "Seeded-Operator-2026!"}
        """;
    try {
      seeder.apply(seed(seedWithANewAdmin));
      assertThat(accounts.flags("kita-newcomer").mustChangePassword()).isTrue();
      assertThat(accounts.flags("ops-newcomer").mustChangePassword()).isTrue();
      var first = new StaffHttp(port).basic("GET", "/api/kita/admin/staff", "kita-newcomer", "Seeded-Initial-2026!", null);
      assertThat(first.statusCode()).isEqualTo(403);
      assertThat(first.body()).as("the password the file's author knows opens nothing").contains("password-change-required");
      assertThat(accounts.flags("demo-clerk").mustChangePassword()).as("existing accounts are left alone").isFalse();
    } finally {
      forget("kita-newcomer");
      forget("ops-newcomer");
    }
    try {
      seeder.apply(seed("staffPasswords: permanent\n" + seedWithANewAdmin));
      assertThat(accounts.flags("kita-newcomer").mustChangePassword()).isFalse();
      assertThat(new StaffHttp(port).basic("GET", "/api/kita/admin/staff", "kita-newcomer", "Seeded-Initial-2026!", null)
          .statusCode()).isEqualTo(200);
    } finally {
      forget("kita-newcomer");
      forget("ops-newcomer");
    }
    assertThatThrownBy(() -> seeder.apply(seed("staffPasswords: kept\n" + seedWithANewAdmin)))
        .hasMessageContaining("staffPasswords: temporary (changed at first sign-in) or permanent");
    assertThat(identity.createUserQuery().userId("kita-newcomer").count()).isZero();
  }

  @Test
  void shouldKeepTheRolesTheAdministratorChangedAndApplyOnlyNewSeedEntries() throws Exception {
    String seedWithTwoDepartments = """
        tenants:
          - slug: kita
            name: 北市
            staff:
              - {id: kita-mover, password: "Seeded-Initial-2026!", groups: [waste-section, tenant-admin]}
        """;
    try {
      seeder.apply(seed(seedWithTwoDepartments));
      assertThat(groupsOf("kita-mover")).containsExactlyInAnyOrder("waste-section", StaffGroups.TENANT_ADMIN);

      staff.update(KITA, "kita-mover", new StaffChange(null, null, null,
          new StaffRoles(List.of("citizen-section"), List.of(), false), null), "kita-admin");
      seeder.apply(seed(seedWithTwoDepartments));
      assertThat(groupsOf("kita-mover")).as("no role the administrator took away comes back").containsExactly("citizen-section");

      seeder.apply(seed(seedWithTwoDepartments.replace("tenant-admin]", "tenant-admin, road-section]")));
      assertThat(groupsOf("kita-mover")).as("a role added to the seed file later is given once")
          .containsExactlyInAnyOrder("citizen-section", "road-section");
      // the administrator's own change is logged for kita-mover too
      assertThat(kitasOperationLog("staff.updated", "kita-mover", "road-section").toString()).contains("tenants-seed");
    } finally {
      forget("kita-mover");
    }
  }

  @Test
  void shouldNotBringBackAnOperatorRemovedFromCamunda() {
    String seedWithAnOperator = """
        tenants: []
        operators:
          - {id: ops-leaver, password: "Seeded-Operator-2026!"}
        """;
    try {
      seeder.apply(seed(seedWithAnOperator));
      assertThat(groupsOf("ops-leaver")).containsExactly(StaffGroups.OPERATOR);

      identity.deleteUser("ops-leaver");
      seeder.apply(seed(seedWithAnOperator));

      assertThat(identity.createUserQuery().userId("ops-leaver").count()).isZero();
    } finally {
      forget("ops-leaver");
    }
  }

  @Test
  void shouldRefuseDepartmentsThatAreNoneOrShareAName() {
    assertThatThrownBy(() -> seeder.apply(seed("""
        tenants:
          - slug: kita
            name: 北市
            departments:
              Waste_Section: 清掃課
              tenant-admin: 管理者
              waste-section-chief: 係長
              road-section: ""
              park-section: 公園課
              sewer-section: 公園課
        """))).hasMessageContaining("departments 'Waste_Section': a department id is 2-64 lowercase letters")
        .hasMessageContaining("departments 'tenant-admin': this group is a role")
        .hasMessageContaining("departments 'waste-section-chief': this group is a role")
        .hasMessageContaining("departments 'road-section': a department name is 1-60 characters")
        .hasMessageContaining("'park-section' and 'sewer-section' have the same name");
    assertThat(names(KITA)).isEmpty();
  }

  private java.util.List<String> names(String tenantId) {
    return jdbc.queryForList("SELECT group_id || '=' || name FROM department WHERE tenant_id = ? ORDER BY group_id",
        String.class, tenantId);
  }

  @Test
  void shouldRefuseUnknownKeysSoTyposAreNoticed() {
    assertThatThrownBy(() -> seed("""
        tenants:
          - slug: kita
            nmae: 北市
        """)).hasMessageContaining("nmae");
  }

  private static TenantsSeed seed(String yaml) {
    return TenantSeeder.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test");
  }

  /**
   * The newest entry of this kind and target in 北市's operation log, as its administrator reads it, that
   * mentions every text given; waited for, as the log is written behind the request.
   */
  private JsonNode kitasOperationLog(String kind, String target, String... mentioning) throws Exception {
    StaffHttp http = new StaffHttp(port);
    for (int attempt = 0; attempt < 100; attempt++) {
      var response = http.basic("GET", "/api/kita/admin/operation-log?kind=" + kind, "kita-admin", KITA_ADMIN_PASSWORD, null);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      for (JsonNode item : json.readTree(response.body()).get("items")) {
        if (target.equals(item.path("target").asText())
            && Arrays.stream(mentioning).allMatch(item.toString()::contains)) {
          return item;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no " + kind + " of " + target + " in kita's operation log");
  }

  private List<String> groupsOf(String userId) {
    return identity.createGroupQuery().groupMember(userId).list().stream().map(group -> group.getId()).toList();
  }

  /** Takes out an account a test seeded, and the record that it was seeded. */
  private void forget(String userId) {
    if (identity.createUserQuery().userId(userId).count() > 0) {
      identity.deleteUser(userId);
    }
    accounts.forget(userId);
    jdbc.update("DELETE FROM seed_applied WHERE subject = ? OR subject LIKE ?", userId, userId + "/%");
  }

  private long count(String sql) {
    return jdbc.queryForObject(sql, Long.class);
  }

  /** The seed of demo's clerk once more, with another password (which must not replace the one set). */
  private void applyTheDemoClerksSeedAgain() {
    seeder.apply(seed("""
        tenants:
          - slug: demo
            name: デモ市
            staff:
              - {id: demo-clerk, password: "Another-Password-2026!", groups: [waste-section]}
        """));
  }

  private Authorization wasteSectionGrantOnInstances() {
    return authorizationService.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
        .groupIdIn("waste-section").resourceType(Resources.PROCESS_INSTANCE).resourceId(Authorization.ANY).singleResult();
  }
}
