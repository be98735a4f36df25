package jp.madoguchi.line;

import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers {@link LineWebhookServlet} for {@code /line/*}; every other path stays with Spring MVC. */
@Configuration(proxyBeanMethods = false)
class LineWebhookEndpoint {

  @Bean
  ServletRegistrationBean<LineWebhookServlet> lineWebhookServlet(LineWebhookReceiver receiver) {
    var registration = new ServletRegistrationBean<>(new LineWebhookServlet(receiver), LineWebhookServlet.MAPPING);
    registration.setName("line-webhook");
    registration.setLoadOnStartup(1);
    return registration;
  }
}
