package jp.madoguchi.encryption;

import java.util.Base64;

import jp.madoguchi.tenant.TenantKeys;

/** Free text sealed into a text column: {@code madoguchi:sealed:v1:<tenant>:<Base64 of the ciphertext>}. */
final class SealedText {

  private SealedText() {
  }

  static String seal(TenantKeys keys, String tenantId, String purpose, String text) {
    if (text == null) {
      return null;
    }
    return SealedVariableSerializer.HEADER + tenantId + ":"
        + Base64.getEncoder().encodeToString(keys.encrypt(tenantId, purpose, text));
  }

  static boolean isSealed(String text) {
    return text != null && text.startsWith(SealedVariableSerializer.HEADER);
  }

  /** The text, or the text itself when it was never sealed. */
  static String open(TenantKeys keys, String purpose, String text) {
    if (!isSealed(text)) {
      return text;
    }
    String rest = text.substring(SealedVariableSerializer.HEADER.length());
    int colon = rest.indexOf(':');
    String tenantId = rest.substring(0, colon);
    return keys.decrypt(tenantId, purpose, Base64.getDecoder().decode(rest.substring(colon + 1)));
  }
}
