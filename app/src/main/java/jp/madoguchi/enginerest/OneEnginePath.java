package jp.madoguchi.enginerest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.madoguchi.web.RequestPaths;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda serves every resource twice: {@code /engine-rest/<resource>} for the default engine and
 * {@code /engine-rest/engine/{name}/<resource>} for a named one. Madoguchi runs one engine, and every
 * rule that looks at a path (task forms only, no password checks, the uniform 404, the submission
 * limit, idempotent starts) knows the short form, so the long form answers 404 before any of them.
 * {@code GET /engine-rest/engine}, the list of engines, stays as Camunda publishes it.
 */
@Configuration(proxyBeanMethods = false)
class OneEnginePath {

  private static final Pattern NAMED_ENGINE = Pattern.compile("^/engine-rest/engine/[^/]+.*$");

  @Bean
  FilterRegistrationBean<NamedEngineRefusal> namedEngineRefusal() {
    FilterRegistrationBean<NamedEngineRefusal> registration = new FilterRegistrationBean<>(new NamedEngineRefusal());
    registration.setName("named-engine-refusal");
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
    return registration;
  }

  static final class NamedEngineRefusal extends OncePerRequestFilter {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String path = RequestPaths.of(request);
      if (!NAMED_ENGINE.matcher(path).matches()) {
        chain.doFilter(request, response);
        return;
      }
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      JSON.writeValue(response.getOutputStream(), UniformNotFound.BODY);
    }
  }
}
