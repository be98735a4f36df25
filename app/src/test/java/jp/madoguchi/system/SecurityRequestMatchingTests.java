package jp.madoguchi.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.Filter;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jp.madoguchi.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;

/**
 * Spring Security decides on a request from its path alone: it does not first ask Spring MVC which
 * handler would serve it (a lookup over every mapping, the slowest kind for the paths other servlets
 * serve, such as LINE's webhook), and its rules still let through and refuse what they did before.
 */
class SecurityRequestMatchingTests extends IntegrationTest {

  @Autowired
  @Qualifier("springSecurityFilterChain")
  private Filter securityFilters;

  @Test
  void shouldLetAWebhookThroughWithoutLookingUpSpringMvcsHandlerForIt() throws Exception {
    Passage passage = pass(post("/line/demo/webhook", "/line", "/demo/webhook"));

    assertThat(passage.reached()).as("the request reaches the webhook servlet").isNotNull();
    assertThat(passage.storedAttributes()).noneMatch(name -> name.startsWith(HandlerMappingIntrospector.class.getName()));
  }

  @Test
  void shouldStillRefuseAPathNoRulePermits() throws Exception {
    Passage passage = pass(post("/line/demo/other", "/line", "/demo/other"));

    assertThat(passage.reached()).isNull();
    assertThat(passage.response().getStatus()).isEqualTo(403);
  }

  @Test
  void shouldStillShutCamundasFirstAdminSetupWhileLettingItsRestApiThrough() throws Exception {
    assertThat(pass(post("/camunda/api/admin/setup/default/user/create", "/camunda", "/api/admin/setup/default/user/create"))
        .reached()).isNull();
    assertThat(pass(post("/engine-rest/process-definition/count", "/engine-rest", "/process-definition/count"))
        .reached()).isNotNull();
  }

  private static MockHttpServletRequest post(String uri, String servletPath, String pathInfo) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", uri);
    request.setServletPath(servletPath);
    request.setPathInfo(pathInfo);
    return request;
  }

  private Passage pass(MockHttpServletRequest request) throws Exception {
    List<String> stored = new ArrayList<>();
    HttpServletRequest watched = new HttpServletRequestWrapper(request) {
      @Override
      public void setAttribute(String name, Object value) {
        stored.add(name);
        super.setAttribute(name, value);
      }
    };
    AtomicReference<ServletRequest> reached = new AtomicReference<>();
    MockHttpServletResponse response = new MockHttpServletResponse();
    securityFilters.doFilter(watched, response, (passed, answer) -> reached.set(passed));
    return new Passage(reached.get(), stored, response);
  }

  private record Passage(ServletRequest reached, List<String> storedAttributes, MockHttpServletResponse response) {
  }
}
