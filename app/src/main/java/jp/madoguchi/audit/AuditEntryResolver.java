package jp.madoguchi.audit;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Completes entries on the writer's thread, off the request's path: residents' LINE ids become
 * pseudonyms, engine operations get their application number, and an entry for a tenant that does
 * not exist (a made-up slug in a URL) goes to the deployment's log instead of opening a chain.
 */
@Component
class AuditEntryResolver {

  private final JdbcTemplate jdbc;
  private final ResidentPseudonyms pseudonyms;

  AuditEntryResolver(JdbcTemplate jdbc, ResidentPseudonyms pseudonyms) {
    this.jdbc = jdbc;
    this.pseudonyms = pseudonyms;
  }

  List<AuditEntry> resolve(List<AuditEntry> entries) {
    Set<String> tenants = new HashSet<>();
    Set<String> instances = new HashSet<>();
    for (AuditEntry entry : entries) {
      tenants.add(entry.tenantId());
      if (entry.processInstanceId() != null) {
        instances.add(entry.processInstanceId());
      }
    }
    Set<String> existing = existingTenants(tenants);
    Map<String, String> numbers = applicationNumbers(instances);
    return entries.stream().map(entry -> {
      AuditEntry placed = entry.tenantId().isEmpty() || existing.contains(entry.tenantId()) ? entry : entry.withTenant("");
      String actor = placed.lineUserId() != null && !placed.tenantId().isEmpty()
          ? pseudonyms.pseudonym(placed.tenantId(), placed.lineUserId())
          : placed.actor();
      String number = placed.applicationNumber() != null ? placed.applicationNumber()
          : placed.processInstanceId() == null ? null : numbers.get(placed.processInstanceId());
      return placed.resolved(actor, number);
    }).toList();
  }

  private Set<String> existingTenants(Set<String> tenants) {
    Set<String> existing = new HashSet<>();
    jdbc.query(con -> {
      var statement = con.prepareStatement("SELECT id FROM tenant WHERE id = ANY (?)");
      statement.setArray(1, con.createArrayOf("text", tenants.toArray()));
      return statement;
    }, rs -> {
      existing.add(rs.getString(1));
    });
    return existing;
  }

  private Map<String, String> applicationNumbers(Set<String> instances) {
    Map<String, String> numbers = new HashMap<>();
    if (instances.isEmpty()) {
      return numbers;
    }
    jdbc.query(con -> {
      var statement = con.prepareStatement(
          "SELECT process_instance_id, number FROM application WHERE process_instance_id = ANY (?)");
      statement.setArray(1, con.createArrayOf("text", instances.toArray()));
      return statement;
    }, rs -> {
      numbers.put(rs.getString(1), rs.getString(2));
    });
    return numbers;
  }
}
