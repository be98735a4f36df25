package jp.madoguchi.line;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jp.madoguchi.publicurl.PublicUrl;
import org.springframework.stereotype.Component;

/**
 * Links into the resident's LIFF pages: {@code https://liff.line.me/{liffId}/...} opens the page
 * inside LINE; with the simulator they point straight at this app's {@code /liff/{tenant}/}, under the
 * address people use (the public URL), so the page shares the browser's storage with the simulator.
 */
@Component
public class LiffLinks {

  private final LineChannels channels;
  private final LineEndpoints endpoints;
  private final PublicUrl publicUrl;

  LiffLinks(LineChannels channels, LineEndpoints endpoints, PublicUrl publicUrl) {
    this.channels = channels;
    this.endpoints = endpoints;
    this.publicUrl = publicUrl;
  }

  /** The procedure catalogue. */
  public URI catalogue(String tenantId) {
    return link(tenantId, "");
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
      return URI.create(publicUrl.base() + "/liff/" + tenantId + "/" + path);
    }
    String liffId = channels.find(tenantId).map(LineChannel::liffId)
        .orElseThrow(() -> new IllegalStateException("Tenant " + tenantId + " has no LIFF id"));
    return URI.create("https://liff.line.me/" + liffId + "/" + path);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
