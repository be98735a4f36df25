package jp.madoguchi.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.LineWebhooks;
import jp.madoguchi.gate.TenantDirectory;
import jp.madoguchi.gate.TenantDirectory.TenantGate;
import jp.madoguchi.tenant.Tenant.TenantStatus;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/** When the database cannot take the events, LINE must hear 5xx so that it redelivers. */
class LineWebhookOutageTests {

  @Test
  void shouldAnswer503WhenTheInboxCannotBeWritten() {
    LineChannels channels = mock(LineChannels.class);
    LineInbox inbox = mock(LineInbox.class);
    LineEventDispatcher dispatcher = mock(LineEventDispatcher.class);
    when(channels.find("demo")).thenReturn(Optional.of(new LineChannel("demo", "secret", "token", "liff")));
    when(inbox.store(eq("demo"), anyList())).thenThrow(new DataAccessResourceFailureException("connection refused"));
    var receiver = new LineWebhookReceiver(activeDemo(), channels, inbox, dispatcher, new ObjectMapper());
    var answer = deliverTextEvent(receiver);

    assertThat(answer.status().value()).isEqualTo(503);
    assertThat(answer.retryLater()).isTrue();
    verify(dispatcher, never()).afterAcknowledge(any());
  }

  /** Fails on the code before: the tenant's channel was read before the mapping to 503, so LINE got a 500. */
  @Test
  void shouldAnswer503WhenTheTenantsChannelCannotBeRead() {
    LineChannels channels = mock(LineChannels.class);
    LineInbox inbox = mock(LineInbox.class);
    when(channels.find("demo")).thenThrow(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
        new SQLTransientConnectionException("Connection is not available, request timed out after 3000ms")));
    var receiver = new LineWebhookReceiver(activeDemo(), channels, inbox, mock(LineEventDispatcher.class),
        new ObjectMapper());
    var answer = deliverTextEvent(receiver);

    assertThat(answer.status().value()).isEqualTo(503);
    assertThat(answer.retryLater()).isTrue();
    verify(inbox, never()).store(any(), anyList());
  }

  @Test
  void shouldAnswer503WhenTheTenantsStatusCannotBeRead() {
    TenantDirectory tenants = mock(TenantDirectory.class);
    LineInbox inbox = mock(LineInbox.class);
    when(tenants.find("demo")).thenThrow(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
        new SQLTransientConnectionException("Connection is not available, request timed out after 3000ms")));
    var receiver = new LineWebhookReceiver(tenants, mock(LineChannels.class), inbox,
        mock(LineEventDispatcher.class), new ObjectMapper());
    var answer = deliverTextEvent(receiver);

    assertThat(answer.status().value()).isEqualTo(503);
    verify(inbox, never()).store(any(), anyList());
  }

  private static TenantDirectory activeDemo() {
    TenantDirectory tenants = mock(TenantDirectory.class);
    when(tenants.find("demo")).thenReturn(Optional.of(new TenantGate("demo", TenantStatus.ACTIVE, List.of())));
    return tenants;
  }

  private static LineWebhookReceiver.Answer deliverTextEvent(LineWebhookReceiver receiver) {
    byte[] body = LineWebhooks.body(LineWebhooks.textEvent(LineWebhooks.newEventId(), "U1", "r", "x", false))
        .getBytes(StandardCharsets.UTF_8);
    return receiver.receive("demo", LineWebhooks.sign("secret", body), body);
  }
}
