package jp.madoguchi.document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jp.madoguchi.tenant.TenantKeys;
import jp.madoguchi.tenant.TenantRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Signing keys in the table {@code document_signing_key}: the private key (PKCS#8) encrypted with
 * the tenant's data key, the certificate chain in the clear (it is public). A tenant without a
 * key gets a self-signed one on first use; concurrent first uses agree on one.
 */
@Component
class StoredSigningCredentials implements SigningCredentials {

  static final String PURPOSE = "document_signing_key.private_key";

  private final JdbcTemplate jdbc;
  private final TenantKeys keys;
  private final TenantRepository tenants;
  private final Clock clock;

  StoredSigningCredentials(JdbcTemplate jdbc, TenantKeys keys, TenantRepository tenants, Clock clock) {
    this.jdbc = jdbc;
    this.keys = keys;
    this.tenants = tenants;
    this.clock = clock;
  }

  @Override
  public SigningCredential forTenant(String tenantId) {
    return load(tenantId).orElseGet(() -> {
      String name = tenants.findById(tenantId).orElseThrow(() -> new IllegalArgumentException("Unknown tenant"))
          .name();
      SigningCredential created = SelfSignedCertificates.create(tenantId, name, clock.instant());
      jdbc.update("""
          INSERT INTO document_signing_key (tenant_id, key_algorithm, private_key, certificate_chain, origin)
          VALUES (?, ?, ?, ?, ?) ON CONFLICT (tenant_id) DO NOTHING""",
          tenantId, created.privateKey().getAlgorithm(), sealed(tenantId, created), chain(created), created.origin());
      return load(tenantId).orElseThrow();
    });
  }

  @Override
  public void install(String tenantId, SigningCredential credential) {
    jdbc.update("""
        INSERT INTO document_signing_key (tenant_id, key_algorithm, private_key, certificate_chain, origin)
        VALUES (?, ?, ?, ?, 'INSTALLED')
        ON CONFLICT (tenant_id) DO UPDATE SET key_algorithm = excluded.key_algorithm,
          private_key = excluded.private_key, certificate_chain = excluded.certificate_chain,
          origin = excluded.origin, updated_at = now()""",
        tenantId, credential.privateKey().getAlgorithm(), sealed(tenantId, credential), chain(credential));
  }

  private Optional<SigningCredential> load(String tenantId) {
    return jdbc.query("""
        SELECT key_algorithm, private_key, certificate_chain, origin FROM document_signing_key WHERE tenant_id = ?""",
        (rs, row) -> credential(tenantId, rs.getString(1), rs.getBytes(2), rs.getBytes(3), rs.getString(4)), tenantId)
        .stream().findFirst();
  }

  private SigningCredential credential(String tenantId, String algorithm, byte[] sealedKey, byte[] chain,
      String origin) {
    try {
      PrivateKey key = KeyFactory.getInstance(algorithm)
          .generatePrivate(new PKCS8EncodedKeySpec(keys.decryptBytes(tenantId, PURPOSE, sealedKey)));
      List<X509Certificate> certificates = CertificateFactory.getInstance("X.509")
          .generateCertificates(new ByteArrayInputStream(chain)).stream().map(X509Certificate.class::cast).toList();
      return new SigningCredential(key, certificates, origin);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("The signing key of tenant " + tenantId + " cannot be read", e);
    }
  }

  private byte[] sealed(String tenantId, SigningCredential credential) {
    return keys.encryptBytes(tenantId, PURPOSE, credential.privateKey().getEncoded());
  }

  private static byte[] chain(SigningCredential credential) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      for (X509Certificate certificate : credential.chain()) {
        out.write(certificate.getEncoded());
      }
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalArgumentException("Certificate chain cannot be encoded", e);
    }
    return out.toByteArray();
  }
}
