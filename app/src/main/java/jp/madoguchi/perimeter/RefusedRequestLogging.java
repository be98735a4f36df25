package jp.madoguchi.perimeter;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.support.DefaultHandlerExceptionResolver;

/**
 * Spring MVC logs each request it refuses for a body or parameter it cannot bind at WARN with the
 * exception's text, and that text quotes what was sent ("rejected value [...]", Jackson's
 * "Unrecognized token '...'", "Invalid UUID string: ..."): a staff member's or a resident's input in
 * the log. The refusal is logged with the kind of error and the handler's path pattern instead; the
 * client still gets the field and what it should be ({@link UnreadableRequests}).
 */
@Configuration(proxyBeanMethods = false)
class RefusedRequestLogging implements WebMvcConfigurer {

  @Override
  public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
    resolvers.replaceAll(resolver -> resolver.getClass() == DefaultHandlerExceptionResolver.class
        ? new WithoutValues() : resolver);
  }

  static final class WithoutValues extends DefaultHandlerExceptionResolver {

    @Override
    protected String buildLogMessage(Exception ex, HttpServletRequest request) {
      Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
      return "Refused " + request.getMethod() + " " + (pattern == null ? "(no handler)" : pattern) + ": "
          + ex.getClass().getSimpleName() + " (the values sent are not logged)";
    }
  }
}
