package jp.madoguchi.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jp.madoguchi.embedded.DemoSetup;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The landing page: where each role goes. On the embedded demo it also offers the resident's demo
 * pages, the LINE simulator (while no real LINE is configured) and the demo accounts of the bundled
 * seed; anywhere else none of these exist, and the page does not mention them.
 */
@RestController
class LandingPage {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final String html;

  LandingPage(ObjectProvider<DemoSetup> demo, Environment environment, ResourceLoader resources) {
    DemoSetup demoSetup = demo.getIfAvailable();
    boolean demoSeed = demoSetup != null && environment.getProperty("madoguchi.tenants-seed", "").isBlank();
    boolean simulator = demoSetup != null && environment.getProperty("madoguchi.line.api-base-url", "").isBlank();
    String page = read(new ClassPathResource("landing/index.html"));
    page = section(page, "demo", demoSeed);
    page = section(page, "simulator", simulator);
    page = section(page, "production", !demoSeed);
    this.html = demoSeed ? page.replace("{{demoAccounts}}", accounts(resources, demoSetup.seedLocation())) : page;
  }

  @GetMapping({"/", "/index.html"})
  ResponseEntity<String> page() {
    return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .cacheControl(CacheControl.noCache()).body(html);
  }

  /** Keeps or drops what lies between {@code <!--name-->} and {@code <!--/name-->}. */
  private static String section(String page, String name, boolean shown) {
    Pattern block = Pattern.compile("[ \\t]*<!--" + name + "-->\\R(.*?)[ \\t]*<!--/" + name + "-->\\R", Pattern.DOTALL);
    return block.matcher(page).replaceAll(shown ? "$1" : "");
  }

  /** One table row per staff member and operator of the demo seed: id, password, what they do. */
  private static String accounts(ResourceLoader resources, String seedLocation) {
    JsonNode seed;
    try (InputStream in = resources.getResource(seedLocation).getInputStream()) {
      seed = YAML.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("The demo seed " + seedLocation + " cannot be read", e);
    }
    List<String> rows = new ArrayList<>();
    for (JsonNode tenant : seed.path("tenants")) {
      for (JsonNode staff : tenant.path("staff")) {
        rows.add(row(staff, role(tenant.path("name").asText(), staff.path("groups"))));
      }
    }
    for (JsonNode operator : seed.path("operators")) {
      rows.add(row(operator, "SaaS 運用者（Cockpit・Admin、すべての自治体）"));
    }
    return String.join("\n", rows);
  }

  private static String role(String tenantName, JsonNode groups) {
    List<String> names = new ArrayList<>();
    groups.forEach(group -> names.add(group.asText()));
    if (names.contains("tenant-admin")) {
      return tenantName + "の責任者（管理コンソール・Tasklist・Cockpit）";
    }
    if (names.stream().allMatch(group -> group.endsWith("-chief"))) {
      return tenantName + "の係長 " + String.join("、", names) + "（Tasklist：決裁）";
    }
    return tenantName + "の職員 " + String.join("、", names) + "（Tasklist：審査）";
  }

  private static String row(JsonNode account, String role) {
    return "        <tr><td><code>" + HtmlUtils.htmlEscape(account.path("id").asText()) + "</code></td><td><code>"
        + HtmlUtils.htmlEscape(account.path("password").asText()) + "</code></td><td>" + HtmlUtils.htmlEscape(role)
        + "</td></tr>";
  }

  private static String read(ClassPathResource resource) {
    try (InputStream in = resource.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("The landing page template is missing", e);
    }
  }
}
