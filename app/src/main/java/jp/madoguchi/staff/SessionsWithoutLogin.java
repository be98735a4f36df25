package jp.madoguchi.staff;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionAttributeListener;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/**
 * Bounds what visitors who have not logged in can make the server keep. Camunda's webapps open a
 * session (holding their CSRF token) for every request under {@code /camunda/}, so a client that
 * drops its cookies gets a new session per request; at the server's 30-minute timeout one such client
 * could fill the heap. A session without a login lives {@code idleWithoutLogin}, and beyond
 * {@code maxWithoutLogin} of them the oldest are ended. The webapp login gives the session the
 * server's timeout and takes it out of the count, so staff who are logged in are never affected.
 * (The app's other sessions are all Camunda webapp sessions: its own security chains keep none.)
 */
final class SessionsWithoutLogin implements HttpSessionListener, HttpSessionAttributeListener {

  private final int maxWithoutLogin;
  private final int idleWithoutLoginSeconds;
  private final int idleLoggedInSeconds;
  /** Oldest first; a session's facade is the same object for its whole life, also across a changed id. */
  private final Set<HttpSession> withoutLogin = new LinkedHashSet<>();

  SessionsWithoutLogin(int maxWithoutLogin, Duration idleWithoutLogin, Duration idleLoggedIn) {
    this.maxWithoutLogin = maxWithoutLogin;
    this.idleWithoutLoginSeconds = Math.toIntExact(idleWithoutLogin.toSeconds());
    this.idleLoggedInSeconds = Math.toIntExact(idleLoggedIn.toSeconds());
  }

  @Override
  public void sessionCreated(HttpSessionEvent event) {
    HttpSession session = event.getSession();
    session.setMaxInactiveInterval(idleWithoutLoginSeconds);
    List<HttpSession> oldest = new ArrayList<>();
    synchronized (withoutLogin) {
      withoutLogin.add(session);
      for (Iterator<HttpSession> sessions = withoutLogin.iterator(); withoutLogin.size() > maxWithoutLogin; ) {
        oldest.add(sessions.next());
        sessions.remove();
      }
    }
    // outside the lock: ending a session calls sessionDestroyed on this thread
    oldest.forEach(SessionsWithoutLogin::end);
  }

  @Override
  public void attributeAdded(HttpSessionBindingEvent event) {
    loggedIn(event);
  }

  @Override
  public void attributeReplaced(HttpSessionBindingEvent event) {
    loggedIn(event);
  }

  @Override
  public void sessionDestroyed(HttpSessionEvent event) {
    synchronized (withoutLogin) {
      withoutLogin.remove(event.getSession());
    }
  }

  int countWithoutLogin() {
    synchronized (withoutLogin) {
      return withoutLogin.size();
    }
  }

  private void loggedIn(HttpSessionBindingEvent event) {
    HttpSession session = event.getSession();
    if (!WebappLogin.isLoginAttribute(event.getName()) || WebappLogin.userId(session).isEmpty()) {
      return;
    }
    synchronized (withoutLogin) {
      withoutLogin.remove(session);
    }
    session.setMaxInactiveInterval(idleLoggedInSeconds);
  }

  private static void end(HttpSession session) {
    try {
      session.invalidate();
    } catch (IllegalStateException alreadyEnded) {
      // expired or logged out meanwhile
    }
  }
}
