package jp.madoguchi.tenant;

/** The tenant's data key was destroyed: nothing sealed with it can be read any more. */
public class TenantKeyDestroyedException extends IllegalStateException {

  TenantKeyDestroyedException(String tenantId) {
    super("The data key of tenant " + tenantId + " was destroyed; its encrypted data cannot be read any more");
  }
}
