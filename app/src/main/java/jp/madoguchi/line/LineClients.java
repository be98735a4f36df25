package jp.madoguchi.line;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.linecorp.bot.messaging.client.MessagingApiBlobClient;
import com.linecorp.bot.messaging.client.MessagingApiClient;
import org.springframework.stereotype.Component;

/**
 * The official SDK's clients, one per tenant, each with that tenant's channel access token; a
 * client is made anew when the tenant's token was replaced.
 */
@Component
public class LineClients {

  private record Held<T>(String accessToken, T client) {
  }

  private final LineChannels channels;
  private final LineEndpoints endpoints;
  private final LineProperties properties;
  private final Map<String, Held<MessagingApiClient>> messaging = new ConcurrentHashMap<>();
  private final Map<String, Held<MessagingApiBlobClient>> blobs = new ConcurrentHashMap<>();

  LineClients(LineChannels channels, LineEndpoints endpoints, LineProperties properties) {
    this.channels = channels;
    this.endpoints = endpoints;
    this.properties = properties;
  }

  public MessagingApiClient messaging(String tenantId) {
    String token = channel(tenantId).accessToken();
    return messaging.compute(tenantId + "@" + endpoints.api(),
        (key, held) -> held != null && held.accessToken().equals(token) ? held : new Held<>(token, withToken(token)))
        .client();
  }

  public MessagingApiBlobClient blob(String tenantId) {
    String token = channel(tenantId).accessToken();
    return blobs.compute(tenantId + "@" + endpoints.dataApi(), (key, held) -> held != null
        && held.accessToken().equals(token) ? held : new Held<>(token, MessagingApiBlobClient.builder(token)
            .apiEndPoint(endpoints.dataApi())
            .connectTimeout(properties.connectTimeout())
            .readTimeout(properties.readTimeout())
            .build())).client();
  }

  /** A client for a token that is not (yet) the tenant's, e.g. to check one before it is stored. */
  MessagingApiClient withToken(String accessToken) {
    return MessagingApiClient.builder(accessToken)
        .apiEndPoint(endpoints.api())
        .connectTimeout(properties.connectTimeout())
        .readTimeout(properties.readTimeout())
        .maxRequests(256)
        .maxRequestsPerHost(128)
        .build();
  }

  private LineChannel channel(String tenantId) {
    return channels.find(tenantId)
        .orElseThrow(() -> new IllegalStateException("Tenant " + tenantId + " has no LINE channel configured"));
  }
}
