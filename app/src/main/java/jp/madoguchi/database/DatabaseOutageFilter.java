package jp.madoguchi.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.madoguchi.web.RequestPaths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database does not answer, every request that needs it gets {@code 503} with
 * {@code Retry-After} at once, and a request that meets a database failure on its way (pool
 * timeout, lost connection, statement timeout) gets the same instead of a 500. LINE redelivers a
 * webhook answered 503; the LIFF pages and well-behaved clients retry after the given seconds.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseOutageFilter {

  private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);
  /** Paths whose every request reads or writes the database; pages and assets keep being served. */
  private static final String[] DATABASE_PATHS = {"/api/*", "/line/*", "/engine-rest/*", "/payment/*", "/identity/*",
      "/camunda/api/*", "/verify/*"};

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> databaseOutage(DatabaseAvailability database) {
    var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        if (!database.available() && needsDatabase(request)) {
          unavailable(response);
          return;
        }
        try {
          chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
          if (!DatabaseOutage.isCause(e) || response.isCommitted()) {
            throw e;
          }
          log.warn("{} {} answered 503: the database is unavailable ({})", request.getMethod(), request.getRequestURI(),
              e.getClass().getSimpleName());
          response.reset();
          unavailable(response);
        }
      }
    });
    registration.setName("database-outage");
    // outermost, so that the staff filters' own database reads are covered too
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    registration.addUrlPatterns("/*");
    return registration;
  }

  private static boolean needsDatabase(HttpServletRequest request) {
    String path = RequestPaths.of(request);
    for (String prefix : DATABASE_PATHS) {
      if (path.startsWith(prefix.substring(0, prefix.length() - 1))) {
        return true;
      }
    }
    return false;
  }

  static void unavailable(HttpServletResponse response) throws IOException {
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS));
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write("{\"message\":\"" + DatabaseOutage.MESSAGE + "\"}");
  }
}
