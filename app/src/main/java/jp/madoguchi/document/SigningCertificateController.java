package jp.madoguchi.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jp.madoguchi.audit.OperationEvent;
import jp.madoguchi.staff.StaffAccess;
import jp.madoguchi.staff.StaffMember;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The tenant's document signing certificate: shown to its administrators, and replaced by a real
 * one (a PKCS#12 file with the key and its chain, e.g. from a public CA) instead of the
 * self-signed certificate made on first use.
 */
@RestController
class SigningCertificateController {

  private static final String NO_KEY = "no private key entry";

  private final SigningCredentials credentials;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  SigningCertificateController(SigningCredentials credentials, Clock clock, ApplicationEventPublisher events) {
    this.credentials = credentials;
    this.clock = clock;
    this.events = events;
  }

  record CertificateInfo(String subject, String issuer, String serialNumber, String notBefore, String notAfter,
      String sha256Fingerprint, String origin) {
  }

  @GetMapping("/api/{tenant}/admin/documents/signing-certificate")
  CertificateInfo show(@PathVariable String tenant, Authentication authentication) throws GeneralSecurityException {
    StaffAccess.requireTenantAdmin(authentication, tenant);
    return info(credentials.forTenant(tenant));
  }

  @PutMapping("/api/{tenant}/admin/documents/signing-certificate")
  ResponseEntity<Object> install(@PathVariable String tenant, @RequestParam("file") MultipartFile file,
      @RequestParam(name = "password", defaultValue = "") String password, Authentication authentication)
      throws GeneralSecurityException, IOException {
    StaffMember admin = StaffAccess.requireTenantAdmin(authentication, tenant);
    SigningCredential credential;
    try {
      credential = fromPkcs12(file.getBytes(), password.toCharArray());
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      return ResponseEntity.badRequest().body(Map.of("message", refusal(e)));
    }
    String previous = info(credentials.forTenant(tenant)).sha256Fingerprint();
    credentials.install(tenant, credential);
    CertificateInfo installed = info(credentials.forTenant(tenant));
    events.publishEvent(new OperationEvent(tenant, admin.id(), "signing-certificate.installed",
        installed.sha256Fingerprint(), Map.of("previousSha256", previous, "subject", installed.subject(),
            "notAfter", installed.notAfter())));
    return ResponseEntity.ok(installed);
  }

  private SigningCredential fromPkcs12(byte[] file, char[] password) throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(new ByteArrayInputStream(file), password);
    for (String alias : Collections.list(store.aliases())) {
      if (store.isKeyEntry(alias) && store.getKey(alias, password) instanceof PrivateKey key) {
        List<X509Certificate> chain = Arrays.stream(store.getCertificateChain(alias))
            .map(X509Certificate.class::cast).toList();
        chain.get(0).checkValidity(java.util.Date.from(clock.instant()));
        requireMatching(key, chain.get(0));
        return new SigningCredential(key, chain, "INSTALLED");
      }
    }
    throw new IllegalArgumentException(NO_KEY);
  }

  /** What the admin can do about a file that cannot be installed (the key store's own texts are English or none). */
  private static String refusal(Exception e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof UnrecoverableKeyException) {
        return "パスワードが違います。PKCS#12 ファイルのパスワードを確かめてください (wrong password)";
      }
      if (cause instanceof CertificateExpiredException) {
        return "証明書の有効期限が切れています。新しい証明書を選んでください (the certificate has expired)";
      }
      if (cause instanceof CertificateNotYetValidException) {
        return "証明書の有効期間がまだ始まっていません (the certificate is not valid yet)";
      }
    }
    if (e instanceof IllegalArgumentException refused) {
      return NO_KEY.equals(refused.getMessage())
          ? "秘密鍵が入っていません。秘密鍵と証明書を含む PKCS#12 ファイルを選んでください (" + NO_KEY + ")"
          : "秘密鍵と証明書が対応していません (" + refused.getMessage() + ")";
    }
    return "PKCS#12（.p12 / .pfx）ファイルとして読めません。ファイルを確かめてください (not a readable PKCS#12 file)";
  }

  private static void requireMatching(PrivateKey key, Certificate certificate) throws GeneralSecurityException {
    String algorithm = "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
    byte[] challenge = new byte[32];
    new SecureRandom().nextBytes(challenge);
    Signature signer = Signature.getInstance(algorithm);
    signer.initSign(key);
    signer.update(challenge);
    Signature verifier = Signature.getInstance(algorithm);
    verifier.initVerify(certificate);
    verifier.update(challenge);
    if (!verifier.verify(signer.sign())) {
      throw new IllegalArgumentException("the private key does not belong to the certificate");
    }
  }

  private static CertificateInfo info(SigningCredential credential) throws GeneralSecurityException {
    X509Certificate certificate = credential.certificate();
    return new CertificateInfo(certificate.getSubjectX500Principal().getName(),
        certificate.getIssuerX500Principal().getName(), certificate.getSerialNumber().toString(16),
        certificate.getNotBefore().toInstant().toString(), certificate.getNotAfter().toInstant().toString(),
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded())),
        credential.origin());
  }
}
