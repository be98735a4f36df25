package jp.madoguchi.line;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;

import jp.madoguchi.tenant.IpRange;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param apiBaseUrl {@code LINE_API_BASE_URL}; empty: https://api.line.me, or the simulator on the embedded default
 * @param dataApiBaseUrl {@code LINE_DATA_API_BASE_URL}; empty: https://api-data.line.me, or the simulator
 * @param retryBudget how long a push (or the answer to a webhook event) is tried again while LINE
 *     fails or rate limits; then it is FAILED. At most 24 h: LINE keeps a retry key that long
 * @param workersEnabled background processing of the inbox and the outbox (tests drive them by hand)
 * @param jwksMinRefreshInterval LINE Login's key set is fetched again at most this often (a token with an unknown key id triggers it)
 * @param inboxKeep a handled webhook event (residents' messages, their LINE user id) is deleted this
 *     long after it was handled; until then a redelivery of it is recognised. At least 1 day
 */
@ConfigurationProperties("madoguchi.line")
public record LineProperties(String apiBaseUrl, String dataApiBaseUrl, Duration connectTimeout, Duration readTimeout,
    Duration retryBudget, boolean workersEnabled, Duration jwksMinRefreshInterval, Duration inboxKeep) {

  public LineProperties {
    if (retryBudget == null || retryBudget.isNegative() || retryBudget.compareTo(Duration.ofHours(24)) > 0) {
      throw new IllegalArgumentException("madoguchi.line.retry-budget must be between 0 and 24h (LINE keeps a "
          + "retry key for 24 hours), not " + retryBudget);
    }
    checkBase("LINE_API_BASE_URL", apiBaseUrl);
    checkBase("LINE_DATA_API_BASE_URL", dataApiBaseUrl);
    jwksMinRefreshInterval = jwksMinRefreshInterval == null ? Duration.ofSeconds(30) : jwksMinRefreshInterval;
    inboxKeep = inboxKeep == null ? Duration.ofDays(30) : inboxKeep;
    if (inboxKeep.compareTo(Duration.ofDays(1)) < 0) {
      throw new IllegalArgumentException("madoguchi.line.inbox-keep must be at least 1 day (LINE redelivers an "
          + "event for a while, and a kept event is recognised), not " + inboxKeep);
    }
  }

  /** The channel access token goes with every call: over TLS, or in plain HTTP to a stand-in on this machine only. */
  private static void checkBase(String variable, String base) {
    if (base == null || base.isBlank()) {
      return;
    }
    URI uri;
    try {
      uri = new URI(base);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(variable + " is not a URL: " + base, e);
    }
    boolean tls = "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null;
    boolean thisMachine = "http".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null
        && IpRange.address(uri.getHost().replaceAll("^\\[|]$", "")).map(LineProperties::loopback)
            .orElse("localhost".equalsIgnoreCase(uri.getHost()));
    if (!tls && !thisMachine) {
      throw new IllegalArgumentException(variable + " must be an https:// address (the channel access token goes "
          + "with every call); plain http:// only to a stand-in on this machine (localhost, 127.0.0.1, [::1]), not "
          + base);
    }
  }

  private static boolean loopback(byte[] address) {
    try {
      return InetAddress.getByAddress(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
