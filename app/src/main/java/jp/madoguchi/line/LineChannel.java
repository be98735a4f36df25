package jp.madoguchi.line;

import java.nio.charset.StandardCharsets;

/** A tenant's LINE Messaging API channel: the secret that signs webhooks and the token for API calls. */
public record LineChannel(String tenantId, String channelSecret, String accessToken, String liffId) {

  byte[] secretBytes() {
    return channelSecret.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "LineChannel[" + tenantId + "]";
  }
}
