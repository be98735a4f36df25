package jp.madoguchi.tenant;

import java.util.HashMap;
import java.util.Map;

import jp.madoguchi.audit.OperationEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which entries of the tenants seed file a start has applied already (table {@code seed_applied}).
 * A seed entry is applied once: an account, membership or department name the municipality's
 * administrator removed afterwards must not come back with the next start (with the seed file's
 * initial password, for an account). What a start creates enters the operation log as the doing of
 * {@code system}, with {@code source: tenants-seed}.
 */
@Component
class SeedFileLedger implements ProvisioningLedger {

  /** Operators belong to no tenant. */
  static final String DEPLOYMENT = "";

  private final JdbcTemplate jdbc;
  private final ApplicationEventPublisher events;

  SeedFileLedger(JdbcTemplate jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  @Override
  public boolean applied(String tenantId, Kind kind, String subject) {
    return Boolean.TRUE.equals(jdbc.queryForObject(
        "SELECT EXISTS (SELECT 1 FROM seed_applied WHERE tenant_id = ? AND kind = ? AND subject = ?)",
        Boolean.class, tenantId, kind.name(), subject));
  }

  @Override
  public void record(String tenantId, Kind kind, String subject) {
    jdbc.update("INSERT INTO seed_applied (tenant_id, kind, subject) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
        tenantId, kind.name(), subject);
  }

  @Override
  public void log(String tenantId, String kind, String target, String detail, String value) {
    Map<String, String> details = new HashMap<>();
    details.put("source", "tenants-seed");
    if (detail != null) {
      details.put(detail, value);
    }
    events.publishEvent(new OperationEvent(tenantId, "system", kind, target, details));
  }
}
