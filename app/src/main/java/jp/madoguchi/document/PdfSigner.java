package jp.madoguchi.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Calendar;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * PAdES baseline signatures (SubFilter ETSI.CAdES.detached): a detached CMS over the PDF's byte
 * range with the signed attributes content-type, message-digest and signing-certificate-v2, and
 * without signing-time (PAdES takes the time from the signature dictionary).
 */
final class PdfSigner {

  private PdfSigner() {
  }

  static byte[] sign(byte[] pdf, SigningCredential credential, String signer, String reason, Calendar when) {
    try (PDDocument document = Loader.loadPDF(pdf); SignatureOptions options = new SignatureOptions()) {
      PDSignature signature = new PDSignature();
      signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
      signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
      signature.setName(signer);
      signature.setReason(reason);
      signature.setSignDate(when);
      options.setPreferredSignatureSize(12_000);
      document.addSignature(signature, content -> cms(content, credential), options);
      ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 30_000);
      document.saveIncremental(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Document could not be signed", e);
    }
  }

  private static byte[] cms(InputStream content, SigningCredential credential) throws IOException {
    try {
      X509Certificate certificate = credential.certificate();
      String algorithm = "EC".equals(credential.privateKey().getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
          .setSignedAttributeGenerator(signedAttributes(certificate))
          .build(new JcaContentSignerBuilder(algorithm).build(credential.privateKey()), certificate));
      generator.addCertificates(new JcaCertStore(credential.chain()));
      return generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false).getEncoded("DER");
    } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
      throw new IOException("CMS signature could not be made", e);
    }
  }

  private static CMSAttributeTableGenerator signedAttributes(X509Certificate certificate)
      throws GeneralSecurityException {
    JcaX509CertificateHolder holder = new JcaX509CertificateHolder(certificate);
    byte[] hash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
    ESSCertIDv2 id = new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), hash,
        new IssuerSerial(new GeneralNames(new GeneralName(holder.getIssuer())), holder.getSerialNumber()));
    ASN1EncodableVector attributes = new ASN1EncodableVector();
    attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
        new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {id}))));
    DefaultSignedAttributeTableGenerator standard = new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes));
    return parameters -> standard.getAttributes(parameters).remove(CMSAttributes.signingTime);
  }
}
