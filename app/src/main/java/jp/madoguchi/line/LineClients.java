package jp.madoguchi.line;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

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
    return current(messaging, tenantId + "@" + endpoints.api(), channel(tenantId).accessToken(), this::withToken);
  }

  public MessagingApiBlobClient blob(String tenantId) {
    return current(blobs, tenantId + "@" + endpoints.dataApi(), channel(tenantId).accessToken(),
        token -> MessagingApiBlobClient.builder(token)
            .apiEndPoint(endpoints.dataApi())
            .connectTimeout(properties.connectTimeout())
            .readTimeout(properties.readTimeout())
            .build());
  }

  /** The client held for this token, made (once, also under concurrent calls) when the token is new. */
  private static <T> T current(Map<String, Held<T>> held, String key, String token, Function<String, T> make) {
    Held<T> known = held.get(key);
    if (known != null && known.accessToken().equals(token)) {
      return known.client();
    }
    return held.compute(key, (k, earlier) -> earlier != null && earlier.accessToken().equals(token) ? earlier
        : new Held<>(token, make.apply(token))).client();
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
