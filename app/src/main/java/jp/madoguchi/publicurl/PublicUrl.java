package jp.madoguchi.publicurl;

import jp.madoguchi.embedded.DemoSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where people reach this app ({@code MADOGUCHI_PUBLIC_URL}): the verification URL and QR code on
 * documents, photos and links in Tasklist forms. Unset, it is {@code http://localhost:<the port the
 * server really listens on>}, which is right only on the machine itself: outside the embedded demo
 * the start warns.
 */
@Component
public class PublicUrl {

  private static final Logger log = LoggerFactory.getLogger(PublicUrl.class);

  private final String configured;
  private final Environment environment;
  private final boolean demo;

  PublicUrl(@Value("${madoguchi.public-url:}") String configured, Environment environment,
      ObjectProvider<DemoSetup> demo) {
    this.configured = configured == null ? "" : configured.strip().replaceAll("/+$", "");
    this.environment = environment;
    this.demo = demo.getIfAvailable() != null;
  }

  /** The base URL without a trailing slash, e.g. {@code https://madoguchi.example.jp}. */
  public String base() {
    if (!configured.isEmpty()) {
      return configured;
    }
    return "http://localhost:" + environment.getProperty("local.server.port",
        environment.getProperty("server.port", "8080"));
  }

  public boolean configured() {
    return !configured.isEmpty();
  }

  @EventListener(ApplicationReadyEvent.class)
  void tellWhereLinksPoint() {
    if (configured()) {
      log.info("Public URL (documents, Tasklist forms): {}", configured);
    } else if (demo) {
      log.info("Public URL (documents, Tasklist forms): {} (set MADOGUCHI_PUBLIC_URL when others reach this "
          + "machine under another address)", base());
    } else {
      log.warn("MADOGUCHI_PUBLIC_URL is not set: documents' verification URLs and QR codes and the photos in "
          + "Tasklist forms point at {}, which works only on this machine. Set it to the address people use, "
          + "e.g. https://madoguchi.example.jp", base());
    }
  }
}
