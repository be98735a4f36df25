package jp.madoguchi.staff;

import org.camunda.bpm.engine.authorization.Groups;

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

  /**
   * Groups no staff member of a tenant may be put in by a tenant admin, a seed file or a department
   * list: the roles' own and Camunda's {@code camunda-admin}, whose members skip every tenant check.
   */
  public static boolean isReserved(String group) {
    return TENANT_ADMIN.equals(group) || OPERATOR.equals(group) || Groups.CAMUNDA_ADMIN.equals(group);
  }
}
