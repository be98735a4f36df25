package jp.madoguchi.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;

import jp.madoguchi.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A tenant's number sequence goes with its purge; the same municipality created again gets numbers
 * from a new one, also on a node that knew the old one. Before, such a node asked the dropped
 * sequence and every submission failed with a 500 until the node restarted.
 */
class ApplicationNumbersTests extends IntegrationTest {

  @Autowired ApplicationNumbers numbers;
  @Autowired ApplicationNumberSequences sequences;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void shouldCreateTheSequenceAgainWhenAPurgeElsewhereDroppedIt() {
    String first = next(KITA);
    assertThat(sequences.of(KITA)).contains(ApplicationNumberSequences.name(KITA, year()));

    sequences.drop(KITA);
    assertThat(sequences.of(KITA)).isEmpty();
    String again = next(KITA);

    assertThat(again).startsWith(year() + "-");
    assertThat(sequences.of(KITA)).containsExactly(ApplicationNumberSequences.name(KITA, year()));
    assertThat(first).startsWith(year() + "-");
  }

  @Test
  void shouldListOnlyTheTenantsOwnSequencesNotThoseOfAnIdThatStartsAlike() {
    jdbc.execute("CREATE SEQUENCE IF NOT EXISTS application_number_kita_east_2026");
    try {
      assertThat(sequences.of(KITA)).doesNotContain("application_number_kita_east_2026");
    } finally {
      jdbc.execute("DROP SEQUENCE application_number_kita_east_2026");
    }
  }

  private String next(String tenant) {
    return new TransactionTemplate(transactions).execute(status -> numbers.next(tenant));
  }

  private static int year() {
    return ZonedDateTime.now(ZoneId.of("Asia/Tokyo")).getYear();
  }
}
