package jp.madoguchi.document;

/**
 * Where a tenant's document signing key comes from. The shipped implementation keeps keys
 * encrypted in the database and makes a self-signed certificate on first use; an operator
 * installs a real one (e.g. from a public CA or the municipality's LGPKI) with
 * {@link #install} (or {@code PUT /api/{tenant}/admin/documents/signing-certificate}), or provides
 * a {@code @Primary} bean of their own (an HSM, a remote signing service).
 */
public interface SigningCredentials {

  /** The tenant's credential; created when the tenant has none yet. */
  SigningCredential forTenant(String tenantId);

  /** Replaces the tenant's credential from now on; documents signed before stay valid with the old one. */
  void install(String tenantId, SigningCredential credential);
}
