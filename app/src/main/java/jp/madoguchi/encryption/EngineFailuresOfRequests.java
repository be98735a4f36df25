package jp.madoguchi.encryption;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Engine failures of an HTTP request are logged once its answer is known: the engine cannot tell a
 * caller's mistake it refuses (an id its checks refuse, a BPMN error nobody catches, a search it cannot
 * run: the REST layer answers 4xx) from a failure of the server. A failure whose request was answered
 * with a 4xx is one INFO line; with a 5xx, or with an exception no handler took, an ERROR with its
 * stack trace as before. Failures outside a request (the job executor) are logged at once.
 */
final class EngineFailuresOfRequests extends OncePerRequestFilter {

  private static final ThreadLocal<List<Throwable>> PENDING = new ThreadLocal<>();

  /** @return whether the failure waits for the answer of the request the thread serves */
  static boolean defer(Throwable masked) {
    List<Throwable> pending = PENDING.get();
    if (pending == null) {
      return false;
    }
    pending.add(masked);
    return true;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    PENDING.set(new ArrayList<>());
    boolean answered = false;
    try {
      chain.doFilter(request, response);
      answered = true;
    } finally {
      List<Throwable> pending = PENDING.get();
      PENDING.remove();
      int status = answered ? response.getStatus() : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
      pending.forEach(failure -> EngineFailures.logAnswered(failure, status));
    }
  }
}
