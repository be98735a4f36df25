package jp.madoguchi.liff;

import java.util.Map;

import jp.madoguchi.line.LineChannel;
import jp.madoguchi.line.LineChannels;
import jp.madoguchi.line.LineEndpoints;
import jp.madoguchi.tenant.Tenant;
import jp.madoguchi.tenant.TenantRepository;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/** Serves the LIFF single-page app for every path under /liff/{tenant}/ and tells it how to sign in. */
@Controller
class LiffConfigController {

  private static final Resource PAGE_APP = new ClassPathResource("static/liff/index.html");

  private final TenantRepository tenants;
  private final LineChannels channels;
  private final LineEndpoints endpoints;

  LiffConfigController(TenantRepository tenants, LineChannels channels, LineEndpoints endpoints) {
    this.tenants = tenants;
    this.channels = channels;
    this.endpoints = endpoints;
  }

  @GetMapping({"/liff/{tenant:[a-z0-9-]+}", "/liff/{tenant:[a-z0-9-]+}/", "/liff/{tenant:[a-z0-9-]+}/apply/**",
      "/liff/{tenant:[a-z0-9-]+}/applications", "/liff/{tenant:[a-z0-9-]+}/applications/**",
      "/liff/{tenant:[a-z0-9-]+}/pay/*", "/liff/{tenant:[a-z0-9-]+}/identity/*"})
  String page(@PathVariable String tenant) {
    return "forward:/liff/index.html";
  }

  /**
   * A mistyped or outdated link under a tenant's pages: the same page app, which tells the resident in
   * Japanese that the page does not exist and leads back to the catalogue, with status 404.
   */
  @GetMapping("/liff/{tenant:(?!assets$)[a-z0-9-]+}/**")
  ResponseEntity<Resource> unknownPage(@PathVariable String tenant) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_HTML)
        .cacheControl(CacheControl.noStore()).body(PAGE_APP);
  }

  /** devLogin: the embedded demo signs residents in through the LINE simulator instead of LINE. */
  @GetMapping("/api/{tenant}/liff-config")
  @ResponseBody
  ResponseEntity<Map<String, Object>> config(@PathVariable String tenant) {
    return tenants.findById(tenant).filter(t -> t.status() == Tenant.TenantStatus.ACTIVE)
        .<ResponseEntity<Map<String, Object>>>map(found -> ResponseEntity.ok(Map.of(
            "tenantName", found.name(),
            "liffId", channels.find(tenant).map(LineChannel::liffId).orElse(""),
            "devLogin", endpoints.usesSimulator())))
        .orElseGet(() -> ResponseEntity.notFound().build());
  }
}
