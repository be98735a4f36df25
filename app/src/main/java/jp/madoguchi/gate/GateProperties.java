package jp.madoguchi.gate;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may reach the staff surfaces from where.
 *
 * @param operatorAllowedCidrs address ranges SaaS operators may sign in from; empty = anywhere
 * @param tenantCacheTtl how long a node trusts what it read of a tenant's status and allow-list
 *     (a change made on this node applies at once; on other nodes after at most this long)
 */
@ConfigurationProperties("madoguchi.gate")
record GateProperties(List<String> operatorAllowedCidrs, Duration tenantCacheTtl) {

  GateProperties {
    operatorAllowedCidrs = operatorAllowedCidrs == null ? List.of()
        : operatorAllowedCidrs.stream().map(String::trim).filter(cidr -> !cidr.isEmpty()).toList();
    tenantCacheTtl = tenantCacheTtl == null ? Duration.ofSeconds(5) : tenantCacheTtl;
  }
}
