package jp.madoguchi.liff;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.transaction.TransactionSystemException;

/**
 * Found by DatabaseOutageDrill: when PostgreSQL dies in the middle of a submission, the rollback
 * fails on the dead connection and the resident got a 500. A database that went away is a 503 with
 * Retry-After, whatever the engine or the transaction manager wrapped it in.
 */
class ResidentApiDatabaseOutageTests {

  private final ResidentApiErrors errors = new ResidentApiErrors();

  @Test
  void shouldAnswer503WithRetryAfterWhenTheRollbackFailsOnADeadConnection() {
    var rollbackFailed = new TransactionSystemException("JDBC rollback failed",
        new SQLException("Connection is closed", "08003"));

    var answer = errors.unexpected(rollbackFailed);

    assertThat(answer.getStatusCode().value()).isEqualTo(503);
    assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
    assertThat(answer.getBody().get("message").toString()).startsWith("ただいまサービスを一時的に利用できません");
  }

  @Test
  void shouldAnswer503WithRetryAfterWhenTheEngineLostTheDatabase() {
    var engineFailed = new ProcessEngineException("could not flush",
        new SQLException("An I/O error occurred while sending to the backend.", "08006"));

    var answer = errors.engine(engineFailed);

    assertThat(answer.getStatusCode().value()).isEqualTo(503);
    assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
  }

  @Test
  void shouldStillAnswer500ForOtherFailures() {
    assertThat(errors.unexpected(new IllegalStateException("a bug")).getStatusCode().value()).isEqualTo(500);
  }
}
