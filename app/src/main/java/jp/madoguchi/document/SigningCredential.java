package jp.madoguchi.document;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A tenant's signing key with its certificate chain (signing certificate first).
 *
 * @param origin {@code SELF_SIGNED} (made on first use) or {@code INSTALLED} (put in by an operator)
 */
public record SigningCredential(PrivateKey privateKey, List<X509Certificate> chain, String origin) {

  public X509Certificate certificate() {
    return chain.get(0);
  }
}
