package jp.madoguchi.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionEvent;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

class SessionsWithoutLoginTests {

  private final SessionsWithoutLogin sessions = new SessionsWithoutLogin(2, Duration.ofMinutes(10), Duration.ofMinutes(30));

  @Test
  void shouldKeepASessionWithoutLoginBrieflyAndALoggedInOneForTheServersTimeout() {
    MockHttpSession visitor = create();
    MockHttpSession clerk = create();

    logIn(clerk, "demo-clerk");

    assertThat(visitor.getMaxInactiveInterval()).isEqualTo(600);
    assertThat(clerk.getMaxInactiveInterval()).isEqualTo(1800);
  }

  @Test
  void shouldEndTheOldestSessionsWithoutLoginBeyondTheLimitAndNeverALoggedInOne() {
    MockHttpSession clerk = create();
    logIn(clerk, "demo-clerk");
    MockHttpSession first = create();
    MockHttpSession second = create();
    MockHttpSession third = create();

    assertThat(first.isInvalid()).as("the oldest without login").isTrue();
    assertThat(second.isInvalid()).isFalse();
    assertThat(third.isInvalid()).isFalse();
    assertThat(clerk.isInvalid()).as("logged in").isFalse();
    assertThat(sessions.countWithoutLogin()).isEqualTo(2);
  }

  @Test
  void shouldCountASessionWithAnEmptyLoginAsWithoutLogin() {
    MockHttpSession visitor = create();
    visitor.setAttribute("authenticatedUser", new Authentications());
    sessions.attributeAdded(new HttpSessionBindingEvent(visitor, "authenticatedUser", visitor.getAttribute("authenticatedUser")));

    assertThat(visitor.getMaxInactiveInterval()).isEqualTo(600);
    assertThat(sessions.countWithoutLogin()).isEqualTo(1);
  }

  @Test
  void shouldForgetEndedSessions() {
    MockHttpSession visitor = create();
    visitor.invalidate();
    sessions.sessionDestroyed(new HttpSessionEvent(visitor));

    assertThat(sessions.countWithoutLogin()).isZero();
  }

  private MockHttpSession create() {
    MockHttpSession session = new MockHttpSession();
    sessions.sessionCreated(new HttpSessionEvent(session));
    return session;
  }

  private void logIn(MockHttpSession session, String user) {
    Authentications logins = new Authentications();
    logins.addOrReplace(new UserAuthentication(user, "default"));
    session.setAttribute("authenticatedUser", logins);
    sessions.attributeReplaced(new HttpSessionBindingEvent(session, "authenticatedUser", logins));
  }
}
