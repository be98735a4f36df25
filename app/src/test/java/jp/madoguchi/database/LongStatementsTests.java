package jp.madoguchi.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;

import jp.madoguchi.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A purge's statements may run longer than the timeouts that protect requests (shortened here to
 * a few hundred milliseconds so that the test is quick), and only inside the transaction that
 * allows it.
 */
class LongStatementsTests extends IntegrationTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transaction;

  @Test
  void shouldLetAStatementOutliveTheRequestTimeoutsOnlyInsideTheTransactionThatAllowsIt() {
    assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
      shortenTimeouts();
      jdbc.execute("SELECT pg_sleep(0.6)");
    })).as("without the allowance the shortened statement timeout cancels it").isInstanceOf(DataAccessException.class);

    transaction.executeWithoutResult(status -> {
      shortenTimeouts();
      LongStatements.allowInThisTransaction(jdbc);
      jdbc.execute("SELECT pg_sleep(0.6)");
    });

    String afterwards = transaction.execute(status -> jdbc.queryForObject("SHOW statement_timeout", String.class));
    assertThat(afterwards).as("the next transaction has the configured limit again").isEqualTo("12s");
  }

  @Test
  void shouldRefuseOutsideATransaction() {
    assertThatThrownBy(() -> LongStatements.allowInThisTransaction(jdbc)).isInstanceOf(IllegalStateException.class);
  }

  private void shortenTimeouts() {
    jdbc.execute("SET LOCAL statement_timeout = '300ms'");
    try {
      DataSourceUtils.getConnection(jdbc.getDataSource()).setNetworkTimeout(Runnable::run, 400);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
