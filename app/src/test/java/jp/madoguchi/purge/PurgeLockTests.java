package jp.madoguchi.purge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.madoguchi.IntegrationTest;
import jp.madoguchi.staff.StaffRequestException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One purge of a municipality at a time: a second one is refused with 409 while the first holds the lock. */
class PurgeLockTests extends IntegrationTest {

  @Autowired PurgeLock lock;

  @Test
  void shouldRefuseASecondPurgeOfTheSameMunicipalityWhileOneRuns() {
    try (PurgeLock.Held first = lock.acquire("lock-check")) {
      assertThatThrownBy(() -> lock.acquire("lock-check")).isInstanceOfSatisfying(StaffRequestException.class,
          refused -> assertThat(refused.status()).isEqualTo(409));
      try (PurgeLock.Held other = lock.acquire("lock-check-other")) {
        assertThat(other).as("another municipality's purge is not held up").isNotNull();
      }
    }
    try (PurgeLock.Held again = lock.acquire("lock-check")) {
      assertThat(again).as("free once the first ended").isNotNull();
    }
  }
}
