package jp.madoguchi.line;

import static jp.madoguchi.LineWebhooks.KITA_SECRET;
import static jp.madoguchi.LineWebhooks.body;
import static jp.madoguchi.LineWebhooks.followEvent;
import static jp.madoguchi.LineWebhooks.newEventId;
import static jp.madoguchi.LineWebhooks.postSigned;
import static org.assertj.core.api.Assertions.assertThat;

import jp.madoguchi.IntegrationTest;
import jp.madoguchi.gate.TenantDirectory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two nodes: a municipality suspended through the other node (its status changed in the shared
 * database, no event on this node) has its webhooks acknowledged and dropped here too once this
 * node reads the tenant again (within the tenant cache's few seconds), and answered again once resumed.
 */
class LineTenantStatusTests extends IntegrationTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired TenantDirectory directory;

  @Test
  void shouldDropTheWebhooksOfATenantSuspendedOnAnotherNode() throws Exception {
    assertThat(deliver().statusCode()).isEqualTo(200);
    long stored = inboxRows();
    assertThat(stored).as("an active tenant's event is stored (its channel is now known to this node)").isPositive();

    jdbc.update("UPDATE tenant SET status = 'SUSPENDED' WHERE id = ?", KITA);
    try {
      Thread.sleep(5_500); // this node's tenant cache (madoguchi.gate.tenant-cache-ttl, 5 s) runs out
      assertThat(deliver().statusCode()).as("LINE still gets its 200").isEqualTo(200);
      assertThat(inboxRows()).as("acknowledged, not stored").isEqualTo(stored);
    } finally {
      jdbc.update("UPDATE tenant SET status = 'ACTIVE' WHERE id = ?", KITA);
      directory.evict(KITA);
    }
    assertThat(deliver().statusCode()).isEqualTo(200);
    assertThat(inboxRows()).as("stored again once resumed").isEqualTo(stored + 1);
  }

  private java.net.http.HttpResponse<String> deliver() throws Exception {
    return postSigned(port, KITA, KITA_SECRET, body(followEvent(newEventId(), "U" + "2".repeat(32), "rt-status")));
  }

  private long inboxRows() {
    return jdbc.queryForObject("SELECT count(*) FROM line_inbox WHERE tenant_id = ?", Long.class, KITA);
  }
}
