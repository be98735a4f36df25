package jp.madoguchi.gate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.madoguchi.web.RequestPaths;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Residents of a suspended (or terminated) municipality are turned away from the resident API and
 * the LIFF pages with a notice; its staff are turned away by {@link StaffGate}. The LINE webhook
 * is not touched here: LINE expects a 200 for every webhook (see LineWebhookReceiver).
 */
class SuspendedTenantFilter extends OncePerRequestFilter {

  private static final Pattern RESIDENT_PATH = Pattern.compile("^/(api|liff)/([a-z0-9-]{1,64})(/.*)?$");
  private static final String MESSAGE = "この自治体の LINE 申請サービスは現在停止しています。"
      + "(This municipality's online service is suspended.)";

  private final TenantDirectory tenants;

  SuspendedTenantFilter(TenantDirectory tenants) {
    this.tenants = tenants;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = RequestPaths.of(request);
    Matcher matcher = RESIDENT_PATH.matcher(path);
    if (matcher.matches() && !StaffGateFilter.isStaffSurface(path)
        && tenants.find(matcher.group(2)).map(tenant -> !tenant.active()).orElse(false)) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      if ("api".equals(matcher.group(1))) {
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getWriter().write("{\"message\":\"" + MESSAGE + "\",\"reason\":\"tenant-suspended\"}");
      } else {
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.getWriter().write("<!doctype html><html lang=\"ja\"><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width\"><title>サービス停止中</title>"
            + "<main><h1>サービス停止中</h1><p>" + MESSAGE + "</p></main></html>");
      }
      return;
    }
    chain.doFilter(request, response);
  }
}
