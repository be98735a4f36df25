package jp.madoguchi.system;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import jp.madoguchi.IntegrationTest;
import liquibase.Liquibase;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The schema comes only from Liquibase, Camunda's changelog included, and a second run changes nothing. */
class SchemaTests extends IntegrationTest {

  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;

  @Test
  void shouldCreateEngineAndApplicationTablesFromAnEmptyDatabase() {
    assertThat(tables()).contains("act_ru_task", "act_hi_procinst", "act_ge_schema_log", "tenant", "application",
        "notification_outbox", "databasechangelog");
    assertThat(jdbc.queryForObject(
        "SELECT count(*) FROM databasechangelog WHERE filename LIKE '%org/camunda/bpm/engine/db/liquibase/camunda-changelog.xml'",
        Long.class)).isPositive();
  }

  @Test
  void shouldFindNothingToDoOnASecondRun() throws Exception {
    long changeSets = jdbc.queryForObject("SELECT count(*) FROM databasechangelog", Long.class);
    try (var connection = dataSource.getConnection()) {
      var database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
      try (var liquibase = new Liquibase("db/changelog/db.changelog-master.yaml",
          new ClassLoaderResourceAccessor(), database)) {
        assertThat(liquibase.listUnrunChangeSets(null, null)).isEmpty();
        liquibase.update("");
      }
    }
    assertThat(jdbc.queryForObject("SELECT count(*) FROM databasechangelog", Long.class)).isEqualTo(changeSets);
  }

  private java.util.List<String> tables() {
    return jdbc.queryForList("SELECT lower(table_name) FROM information_schema.tables WHERE table_schema = 'public'",
        String.class);
  }
}
