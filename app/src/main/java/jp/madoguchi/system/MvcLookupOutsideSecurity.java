package jp.madoguchi.system;

import jakarta.servlet.Filter;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;

/**
 * Spring Security matches request paths itself, with {@code PathPattern}s, instead of asking Spring
 * MVC which handler would serve each request.
 * <p>Spring Security 6.5 puts Spring MVC's {@link HandlerMappingIntrospector} cache filter in front of
 * every request: a full handler lookup over all of Spring MVC's mappings, kept for its MVC request
 * matchers. With path-pattern matchers nothing reads that result, and for a path no controller
 * serves (LINE's webhook, {@code /engine-rest}, Camunda's webapps) the lookup is the slowest kind:
 * it was 17 % of the app's CPU samples under LineBenchmark's webhook load (flight recording); a
 * LIFF API call paid it besides the dispatcher's own lookup. Spring Security 6.5 itself marks that
 * filter deprecated in favour of path patterns.
 */
@Configuration(proxyBeanMethods = false)
class MvcLookupOutsideSecurity {

  /** Spring MVC registers its introspector under this name; Spring Security looks for it by name. */
  private static final String INTROSPECTOR = "mvcHandlerMappingIntrospector";

  /** Makes {@code requestMatchers("/path/**")} and {@code securityMatcher(..)} build path-pattern matchers. */
  @Bean
  static PathPatternRequestMatcherBuilderFactoryBean pathPatternRequestMatchers() {
    return new PathPatternRequestMatcherBuilderFactoryBean();
  }

  @Bean
  static BeanFactoryPostProcessor introspectorWithoutCacheFilter() {
    return beanFactory -> replaceIntrospector(beanFactory);
  }

  private static void replaceIntrospector(ConfigurableListableBeanFactory beanFactory) {
    if (beanFactory instanceof BeanDefinitionRegistry registry && registry.containsBeanDefinition(INTROSPECTOR)) {
      RootBeanDefinition introspector = new RootBeanDefinition(IntrospectorWithoutCacheFilter.class);
      introspector.setLazyInit(true);
      registry.removeBeanDefinition(INTROSPECTOR);
      registry.registerBeanDefinition(INTROSPECTOR, introspector);
    }
  }

  /** Still answers lookups (CORS, error pages) when asked; only the per-request pre-computation is gone. */
  static final class IntrospectorWithoutCacheFilter extends HandlerMappingIntrospector {

    @Override
    public Filter createCacheFilter() {
      return (request, response, chain) -> chain.doFilter(request, response);
    }
  }
}
