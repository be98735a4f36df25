package jp.madoguchi.line;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.springframework.stereotype.Component;

/**
 * Links into the resident's LIFF pages: {@code https://liff.line.me/{liffId}/...} opens the page
 * inside LINE; with the simulator they point straight at this app's {@code /liff/{tenant}/}.
 */
@Component
public class LiffLinks {

  private final LineChannels channels;
  private final LineEndpoints endpoints;

  LiffLinks(LineChannels channels, LineEndpoints endpoints) {
    this.channels = channels;
    this.endpoints = endpoints;
  }

  public URI apply(String tenantId, String procedureKey) {
    return link(tenantId, "apply/" + encode(procedureKey));
  }

  public URI applications(String tenantId) {
    return link(tenantId, "applications");
  }

  public URI application(String tenantId, String applicationNumber) {
    return link(tenantId, "applications/" + encode(applicationNumber));
  }

  private URI link(String tenantId, String path) {
    if (endpoints.usesSimulator()) {
      return endpoints.localBase().resolve("liff/" + tenantId + "/" + path);
    }
    String liffId = channels.find(tenantId).map(LineChannel::liffId)
        .orElseThrow(() -> new IllegalStateException("Tenant " + tenantId + " has no LIFF id"));
    return URI.create("https://liff.line.me/" + liffId + "/" + path);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
