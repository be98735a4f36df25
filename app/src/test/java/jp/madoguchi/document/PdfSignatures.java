package jp.madoguchi.document;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Arrays;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;

/** Checks a PDF signature as a validator does: the CMS over the bytes the /ByteRange names. */
final class PdfSignatures {

  private PdfSignatures() {
  }

  record Signature(int[] byteRange, byte[] contents, String subFilter, String name) {
  }

  static Signature read(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDSignature signature = document.getLastSignatureDictionary();
      return new Signature(signature.getByteRange(), signature.getContents(), signature.getSubFilter(),
          signature.getName());
    }
  }

  /** Whether {@code pdf} carries a valid signature by {@code expected}, given the signature read from the original. */
  static boolean valid(byte[] pdf, Signature signature, X509Certificate expected) throws Exception {
    int[] range = signature.byteRange();
    byte[] signed = new byte[range[1] + range[3]];
    System.arraycopy(pdf, range[0], signed, 0, range[1]);
    System.arraycopy(pdf, range[2], signed, range[1], range[3]);
    // /Contents is zero-padded to its reserved size: read the one DER object at its start
    ContentInfo content;
    try (ASN1InputStream in = new ASN1InputStream(signature.contents())) {
      content = ContentInfo.getInstance(in.readObject());
    }
    CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signed), content);
    SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
    X509CertificateHolder certificate = (X509CertificateHolder) cms.getCertificates().getMatches(signer.getSID())
        .iterator().next();
    if (!Arrays.equals(certificate.getEncoded(), expected.getEncoded())
        || signer.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2) == null) {
      return false;
    }
    try {
      return signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
    } catch (CMSException e) {
      return false; // e.g. the message digest does not match the signed bytes
    }
  }
}
