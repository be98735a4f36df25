package jp.madoguchi.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.tenant.TenantKeys;
import org.springframework.stereotype.Component;

/** Opens the text of a queued or sent notification for the tenant's export, as the relay does before sending. */
@Component
public class NotificationTexts {

  private final TenantKeys keys;
  private final ObjectMapper json;

  NotificationTexts(TenantKeys keys, ObjectMapper json) {
    this.keys = keys;
    this.json = json;
  }

  public String open(String tenantId, byte[] sealed) {
    try {
      return json.readTree(keys.decrypt(tenantId, NotifyResidentDelegate.PURPOSE, sealed)).path("text").asText();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A stored notification is not JSON", e);
    }
  }
}
