package jp.madoguchi.liff;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import jp.madoguchi.line.LineChannel;
import jp.madoguchi.line.LineChannels;
import jp.madoguchi.line.LineEndpoints;
import jp.madoguchi.tenant.Tenant;
import jp.madoguchi.tenant.TenantRepository;
import jp.madoguchi.web.RequestPaths;
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
import org.springframework.web.server.ResponseStatusException;

/** Serves the LIFF single-page app for every path under /liff/{tenant}/ and tells it how to sign in. */
@Controller
class LiffConfigController {

  private static final String NOT_FOUND_PAGE = """
      <!doctype html>
      <html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
      <meta name="robots" content="noindex"><title>ページが見つかりません</title></head>
      <body><main><h1>ページが見つかりません</h1>
      <p>この自治体の電子申請の窓口はありません。LINE の公式アカウントのメニューから開き直してください。</p>
      <p lang="en">No such municipality. Open the page again from the municipality's LINE account.</p>
      </main></body></html>
      """;
  private static final Resource PAGE_APP = new ClassPathResource("static/liff/index.html");

  private final TenantRepository tenants;
  private final LineChannels channels;
  private final LineEndpoints endpoints;
  private final UnknownTenants unknownTenants;

  LiffConfigController(TenantRepository tenants, LineChannels channels, LineEndpoints endpoints,
      UnknownTenants unknownTenants) {
    this.tenants = tenants;
    this.channels = channels;
    this.endpoints = endpoints;
    this.unknownTenants = unknownTenants;
  }

  @GetMapping({"/liff/{tenant:[a-z0-9-]+}", "/liff/{tenant:[a-z0-9-]+}/", "/liff/{tenant:[a-z0-9-]+}/apply/**",
      "/liff/{tenant:[a-z0-9-]+}/applications", "/liff/{tenant:[a-z0-9-]+}/applications/**",
      "/liff/{tenant:[a-z0-9-]+}/pay/*", "/liff/{tenant:[a-z0-9-]+}/identity/*"})
  Object page(@PathVariable String tenant) {
    if (!unknownTenants.isActive(tenant)) {
      return noSuchTenant();
    }
    return "forward:/liff/index.html";
  }

  private static ResponseEntity<String> noSuchTenant() {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(new MediaType(MediaType.TEXT_HTML,
        StandardCharsets.UTF_8)).body(NOT_FOUND_PAGE);
  }

  /**
   * A mistyped or outdated link under a tenant's pages: the same page app, which tells the resident in
   * Japanese that the page does not exist and leads back to the catalogue, with status 404.
   */
  @GetMapping("/liff/{tenant:(?!assets$)[a-z0-9-]+}/**")
  ResponseEntity<?> unknownPage(@PathVariable String tenant, HttpServletRequest request) {
    if (!unknownTenants.isActive(tenant)) {
      return noSuchTenant();
    }
    if (RequestPaths.of(request).startsWith("/liff/" + tenant + "/assets/")) {
      // a missing script or image is no page: the plain Japanese 404 page, not the page app
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
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
