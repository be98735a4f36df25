package jp.madoguchi.line;

import java.net.URI;

import jp.madoguchi.embedded.DemoSetup;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Where LINE's APIs are: configured, LINE's own, or (embedded default only) the built-in simulator. */
@Component
public class LineEndpoints {

  static final String LINE_API = "https://api.line.me/";
  static final String LINE_DATA_API = "https://api-data.line.me/";

  private final LineProperties properties;
  private final boolean demo;
  private final Environment environment;

  LineEndpoints(LineProperties properties, ObjectProvider<DemoSetup> demo, Environment environment) {
    this.properties = properties;
    this.demo = demo.getIfAvailable() != null;
    this.environment = environment;
  }

  public URI api() {
    return resolve(properties.apiBaseUrl(), LINE_API);
  }

  public URI dataApi() {
    return resolve(properties.dataApiBaseUrl(), LINE_DATA_API);
  }

  public boolean usesSimulator() {
    return demo && isBlank(properties.apiBaseUrl());
  }

  private URI resolve(String configured, String lineDefault) {
    if (!isBlank(configured)) {
      return URI.create(configured.endsWith("/") ? configured : configured + "/");
    }
    if (demo) {
      // the SDK calls absolute paths (/v2/bot/...), so the simulator answers at this app's root
      return localBase();
    }
    return URI.create(lineDefault);
  }

  public URI localBase() {
    return URI.create("http://127.0.0.1:" + environment.getProperty("local.server.port", "8080") + "/");
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
