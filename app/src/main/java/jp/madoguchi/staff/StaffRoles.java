package jp.madoguchi.staff;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;



/**
 * A staff member's roles as Camunda groups: each department is a group (the candidate group of
 * its procedures), a chief of a department is in {@code <department>-chief} (e.g.
 * {@code child-section-chief}), a tenant admin in {@code tenant-admin}.
 */
public record StaffRoles(List<String> departments, List<String> chiefOf, boolean tenantAdmin) {

  public static final String CHIEF_SUFFIX = "-chief";

  public StaffRoles {
    departments = named(departments);
    chiefOf = named(chiefOf);
  }

  /** Sorted, once each; a missing name (JSON {@code null}) is kept as "" for the role check to refuse. */
  private static List<String> named(List<String> groups) {
    if (groups == null) {
      return List.of();
    }
    TreeSet<String> sorted = new TreeSet<>();
    groups.forEach(group -> sorted.add(group == null ? "" : group));
    return List.copyOf(sorted);
  }

  static StaffRoles of(Set<String> groups) {
    TreeSet<String> departments = new TreeSet<>();
    TreeSet<String> chiefOf = new TreeSet<>();
    for (String group : groups) {
      if (group.endsWith(CHIEF_SUFFIX)) {
        chiefOf.add(group.substring(0, group.length() - CHIEF_SUFFIX.length()));
      } else if (!group.equals(StaffGroups.TENANT_ADMIN) && !group.equals(StaffGroups.OPERATOR)) {
        departments.add(group);
      }
    }
    return new StaffRoles(List.copyOf(departments), List.copyOf(chiefOf), groups.contains(StaffGroups.TENANT_ADMIN));
  }

  Set<String> groups() {
    Set<String> groups = new TreeSet<>(departments);
    chiefOf.forEach(department -> groups.add(department + CHIEF_SUFFIX));
    if (tenantAdmin) {
      groups.add(StaffGroups.TENANT_ADMIN);
    }
    return groups;
  }

  boolean isEmpty() {
    return departments.isEmpty() && chiefOf.isEmpty() && !tenantAdmin;
  }
}
