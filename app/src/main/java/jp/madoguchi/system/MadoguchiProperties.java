package jp.madoguchi.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Madoguchi's general settings ({@code madoguchi.*} in application.yaml, each with its environment
 * variable). Features with several settings of their own keep them in their own record
 * ({@code madoguchi.line.*}, {@code madoguchi.embedded-db.*}).
 *
 * @param publicUrl where people reach the app ({@code MADOGUCHI_PUBLIC_URL}): links and images in
 *     Tasklist forms, the verification URL and QR code on documents
 * @param tenantsSeed the tenants seed file ({@code MADOGUCHI_TENANTS_SEED}); empty: none (the demo's own on the embedded default)
 * @param masterKey Base64 of the 32-byte key that wraps every tenant's data key ({@code MADOGUCHI_MASTER_KEY})
 * @param masterKeyFile a file holding that Base64 instead, e.g. a mounted secret ({@code MADOGUCHI_MASTER_KEY_FILE})
 * @param previousMasterKey the master key being replaced, until every data key is wrapped by the new one
 *     ({@code MADOGUCHI_MASTER_KEY_PREVIOUS})
 */
@ConfigurationProperties("madoguchi")
public record MadoguchiProperties(String publicUrl, String tenantsSeed, String masterKey, String masterKeyFile,
    String previousMasterKey) {

  public MadoguchiProperties {
    publicUrl = publicUrl == null ? "" : publicUrl.replaceAll("/+$", "");
    tenantsSeed = tenantsSeed == null ? "" : tenantsSeed;
    masterKey = masterKey == null ? "" : masterKey;
    masterKeyFile = masterKeyFile == null ? "" : masterKeyFile;
    previousMasterKey = previousMasterKey == null ? "" : previousMasterKey;
  }
}
