package jp.madoguchi.access;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param supportGrantMaxHours the longest support grant a tenant admin may give
 * @param supportGrantSweep how often ended grants are looked for: an expired grant's access ends within this time
 */
@ConfigurationProperties("madoguchi.access")
record AccessProperties(int supportGrantMaxHours, Duration supportGrantSweep) {

  AccessProperties {
    if (supportGrantMaxHours < 1) {
      throw new IllegalArgumentException("madoguchi.access.support-grant-max-hours must be at least 1");
    }
  }
}
