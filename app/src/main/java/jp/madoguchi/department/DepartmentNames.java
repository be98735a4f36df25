package jp.madoguchi.department;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The names a municipality gives its departments (table {@code department}). */
@Repository
class DepartmentNames {

  private final JdbcTemplate jdbc;

  DepartmentNames(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Department id → name, by id. */
  Map<String, String> of(String tenantId) {
    Map<String, String> names = new LinkedHashMap<>();
    jdbc.query("SELECT group_id, name FROM department WHERE tenant_id = ? ORDER BY group_id",
        row -> {
          names.put(row.getString(1), row.getString(2));
        }, tenantId);
    return names;
  }

  int count(String tenantId) {
    return jdbc.queryForObject("SELECT count(*) FROM department WHERE tenant_id = ?", Integer.class, tenantId);
  }

  /** The name before, or null for a new one. */
  String put(String tenantId, String groupId, String name) {
    String before = jdbc.query("SELECT name FROM department WHERE tenant_id = ? AND group_id = ? FOR UPDATE",
        row -> row.next() ? row.getString(1) : null, tenantId, groupId);
    jdbc.update("""
        INSERT INTO department (tenant_id, group_id, name) VALUES (?, ?, ?)
        ON CONFLICT (tenant_id, group_id) DO UPDATE SET name = excluded.name, updated_at = now()""",
        tenantId, groupId, name);
    return before;
  }

  /** True when the name was written: the department had none and no other department has this one. */
  boolean putIfAbsent(String tenantId, String groupId, String name) {
    return jdbc.update("INSERT INTO department (tenant_id, group_id, name) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
        tenantId, groupId, name) > 0;
  }

  boolean remove(String tenantId, String groupId) {
    return jdbc.update("DELETE FROM department WHERE tenant_id = ? AND group_id = ?", tenantId, groupId) > 0;
  }
}
