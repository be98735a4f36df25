package jp.madoguchi.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import jp.madoguchi.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Tenant names come from request paths: only tenants that exist are remembered. */
class TenantDirectoryTests extends IntegrationTest {

  @Autowired TenantDirectory directory;

  @Test
  void shouldNotRememberTenantsThatDoNotExist() {
    assertThat(directory.find(DEMO)).isPresent();
    int remembered = directory.remembered();

    for (int i = 0; i < 500; i++) {
      assertThat(directory.find("t" + UUID.randomUUID().toString().replace("-", ""))).isEmpty();
    }

    assertThat(directory.remembered()).isEqualTo(remembered);
    assertThat(directory.find(DEMO)).isPresent();
  }
}
