package jp.madoguchi.line;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.linecorp.bot.messaging.client.MessagingApiBlobClient;
import com.linecorp.bot.messaging.client.MessagingApiClient;
import org.springframework.stereotype.Component;

/** The official SDK's clients, one per tenant, each with that tenant's channel access token. */
@Component
public class LineClients {

  private final LineChannels channels;
  private final LineEndpoints endpoints;
  private final LineProperties properties;
  private final Map<String, MessagingApiClient> messaging = new ConcurrentHashMap<>();
  private final Map<String, MessagingApiBlobClient> blobs = new ConcurrentHashMap<>();

  LineClients(LineChannels channels, LineEndpoints endpoints, LineProperties properties) {
    this.channels = channels;
    this.endpoints = endpoints;
    this.properties = properties;
  }

  public MessagingApiClient messaging(String tenantId) {
    return messaging.computeIfAbsent(tenantId + "@" + endpoints.api(), key -> MessagingApiClient
        .builder(channel(tenantId).accessToken())
        .apiEndPoint(endpoints.api())
        .connectTimeout(properties.connectTimeout())
        .readTimeout(properties.readTimeout())
        .maxRequests(256)
        .maxRequestsPerHost(128)
        .build());
  }

  public MessagingApiBlobClient blob(String tenantId) {
    return blobs.computeIfAbsent(tenantId + "@" + endpoints.dataApi(), key -> MessagingApiBlobClient
        .builder(channel(tenantId).accessToken())
        .apiEndPoint(endpoints.dataApi())
        .connectTimeout(properties.connectTimeout())
        .readTimeout(properties.readTimeout())
        .build());
  }

  private LineChannel channel(String tenantId) {
    return channels.find(tenantId)
        .orElseThrow(() -> new IllegalStateException("Tenant " + tenantId + " has no LINE channel configured"));
  }
}
