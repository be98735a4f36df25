package jp.madoguchi.staff;

/** Group ids with a meaning to the app. Department groups (e.g. waste-section) are free-form. */
public final class StaffGroups {

  /** A municipality's administrator (責任者): sees every task and instance of the tenant. */
  public static final String TENANT_ADMIN = "tenant-admin";
  /** The SaaS operator: Camunda's own administrators' group, across all tenants. */
  public static final String OPERATOR = "camunda-admin";

  private StaffGroups() {
  }
}
