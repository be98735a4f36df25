package jp.madoguchi.staff;

import java.util.SortedSet;

/**
 * The departments a municipality's staff can be put in. Groups are shared by every tenant, so this
 * is the tenant's own view of them: never another municipality's department.
 */
public interface DepartmentsOfTenant {

  SortedSet<String> of(String tenantId);
}
