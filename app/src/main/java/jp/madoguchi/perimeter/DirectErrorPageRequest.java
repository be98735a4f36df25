package jp.madoguchi.perimeter;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /error} asked for by its address rather than forwarded to by the container after a failure:
 * with no failure to report Spring answers {@code 500} ("status": 999). Nobody should call it, so it
 * is not found. Registered for requests only, never for the container's error dispatch.
 */
final class DirectErrorPageRequest extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null) {
      request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, HttpStatus.NOT_FOUND.value());
    }
    chain.doFilter(request, response);
  }
}
