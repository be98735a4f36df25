package jp.madoguchi.export;

import java.io.IOException;
import java.io.StringWriter;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;

import jp.madoguchi.document.SigningCredential;
import jp.madoguchi.document.SigningCredentials;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.springframework.stereotype.Component;

/**
 * Signs an export's manifest with the tenant's document signing key (the key its PDFs are signed
 * with): a detached CMS signature (DER, {@code manifest.json.p7s}) that {@code openssl cms -verify}
 * checks, with the certificate chain beside it as PEM ({@code signing-certificate.pem}).
 */
@Component
class ManifestSigner {

  private final SigningCredentials credentials;

  ManifestSigner(SigningCredentials credentials) {
    this.credentials = credentials;
  }

  record Signed(byte[] signature, String certificateChainPem) {
  }

  Signed sign(String tenantId, byte[] manifest) {
    SigningCredential credential = credentials.forTenant(tenantId);
    try {
      X509Certificate certificate = credential.certificate();
      String algorithm = "EC".equals(credential.privateKey().getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
          .build(new JcaContentSignerBuilder(algorithm).build(credential.privateKey()), certificate));
      generator.addCertificates(new JcaCertStore(credential.chain()));
      byte[] signature = generator.generate(new CMSProcessableByteArray(manifest), false).getEncoded("DER");
      return new Signed(signature, pem(credential));
    } catch (GeneralSecurityException | OperatorCreationException | CMSException | IOException e) {
      throw new IllegalStateException("The export manifest could not be signed", e);
    }
  }

  private static String pem(SigningCredential credential) throws IOException {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      for (X509Certificate certificate : credential.chain()) {
        writer.writeObject(certificate);
      }
    }
    return text.toString();
  }
}
