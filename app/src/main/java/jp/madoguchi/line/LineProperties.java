package jp.madoguchi.line;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param apiBaseUrl {@code LINE_API_BASE_URL}; empty: https://api.line.me, or the simulator on the embedded default
 * @param dataApiBaseUrl {@code LINE_DATA_API_BASE_URL}; empty: https://api-data.line.me, or the simulator
 * @param pushMaxAttempts tries of one push before it is given up as FAILED
 * @param workersEnabled background processing of the inbox and the outbox (tests drive them by hand)
 * @param jwksMinRefreshInterval LINE Login's key set is fetched again at most this often (a token with an unknown key id triggers it)
 */
@ConfigurationProperties("madoguchi.line")
public record LineProperties(String apiBaseUrl, String dataApiBaseUrl, Duration connectTimeout, Duration readTimeout,
    int pushMaxAttempts, boolean workersEnabled, Duration jwksMinRefreshInterval) {

  public LineProperties {
    jwksMinRefreshInterval = jwksMinRefreshInterval == null ? Duration.ofSeconds(30) : jwksMinRefreshInterval;
  }
}
