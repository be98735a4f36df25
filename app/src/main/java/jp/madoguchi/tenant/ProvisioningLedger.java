package jp.madoguchi.tenant;

/**
 * Where the tenants, accounts and department names a provisioning run applies come from, and so
 * whether each is applied once and logged as the system's doing ({@link SeedFileLedger}, the seed
 * file) or is new by definition and logged by its caller ({@link #OPERATOR_REQUEST}).
 */
interface ProvisioningLedger {

  enum Kind { STAFF, MEMBERSHIP, DEPARTMENT_NAME, OPERATOR }

  /** An operator's request to create a municipality: checked as new, logged with the operator as actor. */
  ProvisioningLedger OPERATOR_REQUEST = new ProvisioningLedger() {
    @Override
    public boolean applied(String tenantId, Kind kind, String subject) {
      return false;
    }

    @Override
    public void record(String tenantId, Kind kind, String subject) {
    }

    @Override
    public void log(String tenantId, String kind, String target, String detail, String value) {
    }
  };

  boolean applied(String tenantId, Kind kind, String subject);

  void record(String tenantId, Kind kind, String subject);

  /** An operation-log entry for what the run created; {@code detail} may be null. */
  void log(String tenantId, String kind, String target, String detail, String value);
}
