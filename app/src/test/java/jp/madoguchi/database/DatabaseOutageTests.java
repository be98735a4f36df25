package jp.madoguchi.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.ServletException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/** Database failures become 503 with Retry-After, on every path, and nothing else does. */
class DatabaseOutageTests {

  @Test
  void shouldRecogniseWhatTheDatabaseBeingAwayLooksLike() {
    assertThat(DatabaseOutage.isCause(new CannotCreateTransactionException("no connection"))).isTrue();
    assertThat(DatabaseOutage.isCause(new RuntimeException(new SQLTransientConnectionException("pool timeout")))).isTrue();
    assertThat(DatabaseOutage.isCause(new ProcessEngineException("persistence",
        new PSQLException("An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE,
            new SocketTimeoutException("Read timed out"))))).isTrue();
    assertThat(DatabaseOutage.isCause(new PSQLException("canceling statement due to statement timeout",
        PSQLState.QUERY_CANCELED))).isTrue();
    assertThat(DatabaseOutage.isCause(new ProcessEngineException("persistence", new SQLException("Connection is closed"))))
        .as("HikariCP's answer when the rollback uses the connection it threw away").isTrue();
  }

  @Test
  void shouldLeaveOtherFailuresAlone() {
    assertThat(DatabaseOutage.isCause(new IllegalStateException("bug"))).isFalse();
    assertThat(DatabaseOutage.isCause(new PSQLException("duplicate key", PSQLState.UNIQUE_VIOLATION))).isFalse();
    assertThat(DatabaseOutage.isCause(new ProcessEngineException("Cannot find process definition"))).isFalse();
  }

  @Test
  void shouldAnswer503WithRetryAfterWhenARequestMeetsADatabaseFailure() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter(true).doFilter(post("/api/demo/applications"), response, new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
      @Override
      protected void service(jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse res)
          throws ServletException {
        throw new ServletException("Request processing failed",
            new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", new SQLTransientConnectionException()));
      }
    }));

    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeader("Retry-After")).isEqualTo(Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS));
    assertThat(response.getContentAsString()).contains("一時的に利用できません", "temporarily unavailable");
  }

  @Test
  void shouldLetOtherFailuresThrough() {
    MockHttpServletResponse response = new MockHttpServletResponse();
    assertThatThrownBy(() -> filter(true).doFilter(post("/api/demo/applications"), response,
        new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
          @Override
          protected void service(jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse res)
              throws IOException {
            throw new IOException("client went away");
          }
        }))).isInstanceOf(IOException.class);
  }

  @Test
  void shouldTurnRequestsAwayAtOnceWhileTheDatabaseDoesNotAnswerButKeepServingPagesAndHealth() throws Exception {
    OncePerRequestFilter filter = filter(false);
    MockHttpServletResponse api = new MockHttpServletResponse();
    filter.doFilter(post("/line/demo/webhook"), api, new MockFilterChain());
    MockHttpServletResponse page = new MockHttpServletResponse();
    MockFilterChain pageChain = new MockFilterChain();
    filter.doFilter(request("GET", "/liff/demo/"), page, pageChain);
    MockFilterChain healthChain = new MockFilterChain();
    filter.doFilter(request("GET", "/actuator/health"), new MockHttpServletResponse(), healthChain);

    assertThat(api.getStatus()).isEqualTo(503);
    assertThat(api.getHeader("Retry-After")).isNotBlank();
    assertThat(pageChain.getRequest()).isNotNull();
    assertThat(healthChain.getRequest()).isNotNull();
  }

  private static OncePerRequestFilter filter(boolean databaseAvailable) {
    DatabaseAvailability database = mock(DatabaseAvailability.class);
    when(database.available()).thenReturn(databaseAvailable);
    return new DatabaseOutageFilter().databaseOutage(database).getFilter();
  }

  private static MockHttpServletRequest post(String path) {
    return request("POST", path);
  }

  /** As the container hands it to a filter: mapped to the dispatcher servlet, which has the whole path. */
  private static MockHttpServletRequest request(String method, String path) {
    MockHttpServletRequest request = new MockHttpServletRequest(method, path);
    request.setServletPath(path);
    return request;
  }
}
