package jp.madoguchi.backup;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every table of the database (the engine's and the app's) with its row count and a hash of all its
 * rows in PostgreSQL's text form (order-independent, in bounded memory): two snapshots are equal
 * only when every row of every table is.
 */
public final class TableSnapshot {

  private TableSnapshot() {
  }

  public static Map<String, String> of(JdbcTemplate jdbc) {
    Map<String, String> tables = new TreeMap<>();
    for (String table : jdbc.queryForList(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename", String.class)) {
      tables.put(table, jdbc.queryForObject("SELECT count(*) || ' rows, hash ' || coalesce(sum(hashtextextended(t::text, 0)), 0) FROM "
          + "public.\"" + table + "\" t", String.class));
    }
    return tables;
  }

  public static long rows(Map<String, String> snapshot) {
    return snapshot.values().stream().mapToLong(value -> Long.parseLong(value.substring(0, value.indexOf(' ')))).sum();
  }
}
