package jp.madoguchi.liff;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.madoguchi.tenant.Tenant;
import jp.madoguchi.tenant.TenantRepository;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The resident API answers only for municipalities that exist and are active: any other slug is a
 * 404 before a controller runs, so it never reaches a cache (the procedure catalogue, the ID token
 * memo) or the engine.
 */
@Configuration(proxyBeanMethods = false)
class UnknownTenants implements WebMvcConfigurer {

  private final TenantRepository tenants;
  private final ObjectMapper json;

  UnknownTenants(TenantRepository tenants, ObjectMapper json) {
    this.tenants = tenants;
    this.json = json;
  }

  boolean isActive(String slug) {
    return tenants.findById(slug).filter(tenant -> tenant.status() == Tenant.TenantStatus.ACTIVE).isPresent();
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new HandlerInterceptor() {
      @Override
      public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
          throws IOException {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        Object slug = variables instanceof Map<?, ?> map ? map.get("tenant") : null;
        if (slug == null || isActive(slug.toString())) {
          return true;
        }
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(),
            Map.of("message", "この自治体の窓口は見つかりません (no such municipality)"));
        return false;
      }
    }).addPathPatterns("/api/**").excludePathPatterns("/api/*/admin/**", "/api/operator/**");
  }
}
