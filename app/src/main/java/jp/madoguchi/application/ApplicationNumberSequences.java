package jp.madoguchi.application;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The PostgreSQL sequences that hand out a tenant's application numbers, one per calendar year. They
 * hold a counter only, and go with the tenant's purge.
 */
@Component
public class ApplicationNumberSequences {

  private final JdbcTemplate jdbc;

  ApplicationNumberSequences(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Tenant ids are [a-z0-9-] (checked by the tenant table), so the name is a safe identifier. */
  static String name(String tenantId, int year) {
    return prefix(tenantId) + year;
  }

  private static String prefix(String tenantId) {
    return "application_number_" + tenantId.replace('-', '_') + "_";
  }

  /** The tenant's sequences in the current schema (not another tenant's whose id starts alike). */
  public List<String> of(String tenantId) {
    return jdbc.queryForList("""
        SELECT c.relname FROM pg_class c WHERE c.relkind = 'S' AND c.relnamespace = current_schema()::regnamespace
          AND c.relname ~ ('^' || ? || '[0-9]{4}$') ORDER BY c.relname""", String.class, prefix(tenantId));
  }

  public void drop(String tenantId) {
    of(tenantId).forEach(sequence -> jdbc.execute("DROP SEQUENCE IF EXISTS " + sequence));
  }
}
