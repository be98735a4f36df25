package jp.madoguchi.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.tenant.TenantKeys;
import org.springframework.stereotype.Component;

/**
 * The data a resident filled in (the checked apply-form payload), decrypted for features that show it,
 * and replaced (encrypted) when the resident corrects it.
 */
@Component
public class ApplicationData {

  private final ApplicationRepository applications;
  private final TenantKeys keys;
  private final ObjectMapper json;

  ApplicationData(ApplicationRepository applications, TenantKeys keys, ObjectMapper json) {
    this.applications = applications;
    this.keys = keys;
    this.json = json;
  }

  public JsonNode of(ApplicationRecord application) {
    return open(application.tenantId(), applications.encryptedPayload(application.tenantId(), application.id()).orElseThrow());
  }

  /** The payload as read from {@code application.payload} by a feature that reads many rows at once (the export). */
  public JsonNode open(String tenantId, byte[] sealed) {
    try {
      return json.readTree(keys.decrypt(tenantId, RegisterApplicationDelegate.PAYLOAD_PURPOSE, sealed));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored application payload is not JSON", e);
    }
  }

  void replace(ApplicationRecord application, JsonNode data) {
    applications.updatePayload(application.tenantId(), application.id(),
        keys.encrypt(application.tenantId(), RegisterApplicationDelegate.PAYLOAD_PURPOSE, data.toString()));
  }
}
