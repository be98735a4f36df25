package jp.madoguchi.security;

import static org.assertj.core.api.Assertions.assertThat;

import jp.madoguchi.MadoguchiApplication;
import jp.madoguchi.StaffHttp;
import jp.madoguchi.TestFolders;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * With only 10.255.255.1 as trusted proxy, the test client (loopback) is an ordinary client: its
 * X-Forwarded-For is ignored, so it can neither borrow an allowed address nor hide its own. Also the
 * operators' own list ({@code MADOGUCHI_OPERATOR_ALLOWED_CIDRS}).
 */
@Tag("own-jvm")
class UntrustedProxyTests {

  @Test
  void shouldIgnoreForwardedForFromAClientThatIsNoTrustedProxy() throws Exception {
    MadoguchiApplication.useJapanStandardTime();
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MadoguchiApplication.class).run(
        "--server.port=0", "--camunda.bpm.job-execution.enabled=false", "--madoguchi.line.workers-enabled=false",
        "--madoguchi.tenants-seed=classpath:seed/test-tenants.yaml",
        "--madoguchi.embedded-db.data-dir=" + TestFolders.create("madoguchi-proxy-"),
        "--server.tomcat.remoteip.internal-proxies=10\\.255\\.255\\.1",
        "--madoguchi.gate.operator-allowed-cidrs=192.0.2.0/24, 198.51.100.0/24")) {
      var http = new StaffHttp(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
      // an operator outside the operators' list cannot pretend to be inside it
      assertThat(http.basic("GET", "/engine-rest/task", "test-operator", "Operator-Pass-2026!", null,
          "X-Forwarded-For", "192.0.2.10").statusCode()).isEqualTo(403);
      assertThat(http.basic("GET", "/api/operator/tenants", "test-operator", "Operator-Pass-2026!", null,
          "X-Forwarded-For", "192.0.2.10").statusCode()).isEqualTo(403);
      // a clerk inside demo's list (loopback) stays inside whatever they claim
      assertThat(http.basic("GET", "/engine-rest/task", "demo-clerk", "Madoguchi-Clerk-2026!", null,
          "X-Forwarded-For", "203.0.113.9").statusCode()).isEqualTo(200);
      var yourAddress = http.basic("GET", "/api/demo/admin/ip-allow-list", "demo-admin", "Madoguchi-Admin-2026!", null,
          "X-Forwarded-For", "203.0.113.9");
      assertThat(yourAddress.body()).contains("\"yourAddress\":\"127.0.0.1\"");
    }
  }
}
