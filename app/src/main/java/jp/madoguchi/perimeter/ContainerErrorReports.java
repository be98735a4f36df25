package jp.madoguchi.perimeter;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What Tomcat answers itself for a request it refuses before any filter runs (an encoded slash or
 * an invalid percent-encoding in the path): the same Japanese JSON as every other refusal
 * ({@link RequestErrorMessages}) instead of Tomcat's English HTML page.
 */
public class ContainerErrorReports extends ErrorReportValve {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    try {
      response.setContentType("application/json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(JSON.writeValueAsString(java.util.Map.of("message", RequestErrorMessages.forStatus(status))));
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException ignored) {
      // the client is gone or the answer already started: nothing more to say
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Registration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> containerErrorReports() {
      return factory -> factory.addContextCustomizers(context -> {
        if (context.getParent() instanceof StandardHost host) {
          host.setErrorReportValveClass(ContainerErrorReports.class.getName());
        }
      });
    }
  }
}
