package jp.madoguchi.staff;

/** Group ids with a meaning to the app. Department groups (e.g. waste-section) are free-form. */
public final class StaffGroups {

  /** A municipality's administrator (責任者): sees every task and instance of the tenant. */
  public static final String TENANT_ADMIN = "tenant-admin";
  /**
   * The SaaS operators: run the service, read no resident's data (see StaffAuthorizations). Not
   * Camunda's {@code camunda-admin}, whose members bypass every authorization and tenant check.
   */
  public static final String OPERATOR = "saas-operator";
  /**
   * Staff who may link a counter application to a resident's LINE account ({@code residentRef}), for
   * the procedures of their own departments; given by the tenant admin to named clerks only.
   */
  public static final String RESIDENT_LINKING = "resident-linking";

  private StaffGroups() {
  }
}
