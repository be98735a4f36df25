package jp.madoguchi.enginerest;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.UriBuilder;
import org.camunda.bpm.engine.ProcessEngines;

/**
 * A search by a staff account the caller may not read is asked about an account nobody has: groups
 * by member, municipalities by member, Tasklist's identity call, tasks by candidate user (also inside
 * a task query's {@code orQueries}, and in what a request adds to a filter's search), procedures an
 * account may start. Camunda checks what it lists, not the account it searches by, and looks up the
 * groups and permissions of a candidate user or a potential starter itself: a clerk of one
 * municipality learned which accounts of another exist and in which of the shared department groups
 * (waste-section …) they work. Whoever may read the account (the account itself) gets Camunda's
 * answer unchanged.
 */
@PreMatching
public class UnseenUsersAsUnknown implements ContainerRequestFilter {

  /** No staff account can have it: account ids are lower case without spaces. */
  static final String NOBODY = "Unseen Account";

  private static final String ENGINE = SearchRequests.ENGINE;
  private static final Pattern GROUPS = Pattern.compile(ENGINE + "group(?:/count)?/?$");
  private static final Pattern TENANTS = Pattern.compile(ENGINE + "tenant(?:/count)?/?$");
  private static final Pattern IDENTITY = Pattern.compile(ENGINE + "identity/groups/?$");
  private static final Pattern DEFINITIONS = Pattern.compile(ENGINE + "process-definition(?:/count)?/?$");

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    String parameter = parameter(request.getUriInfo().getPath());
    if (parameter == null) {
      return;
    }
    if ("GET".equals(request.getMethod())) {
      List<String> accounts = request.getUriInfo().getQueryParameters().get(parameter);
      if (accounts != null && !accounts.stream().allMatch(UnseenUsersAsUnknown::readable)) {
        request.setRequestUri(UriBuilder.fromUri(request.getUriInfo().getRequestUri())
            .replaceQueryParam(parameter, NOBODY).build());
      }
    } else {
      searchBodyAsNobody(request, parameter);
    }
  }

  /** The query parameter or field that names an account in a search at this path, or null. */
  private static String parameter(String path) {
    if (GROUPS.matcher(path).matches()) {
      return "member";
    }
    if (TENANTS.matcher(path).matches()) {
      return "userMember";
    }
    if (IDENTITY.matcher(path).matches()) {
      return "userId";
    }
    if (DEFINITIONS.matcher(path).matches()) {
      return "startableBy";
    }
    return SearchRequests.isTaskSearch(path) ? "candidateUser" : null;
  }

  /** A search by a JSON body; a body that is not an object is left to Camunda. */
  private static void searchBodyAsNobody(ContainerRequestContext request, String parameter) throws IOException {
    ObjectNode search = SearchRequests.body(request);
    if (search == null) {
      return;
    }
    boolean changed = asNobody(search, parameter);
    for (JsonNode alternative : search.path("orQueries")) {
      changed |= alternative instanceof ObjectNode or && asNobody(or, parameter);
    }
    if (changed) {
      SearchRequests.replaceBody(request, search);
    }
  }

  private static boolean asNobody(ObjectNode query, String parameter) {
    if (query.path(parameter).isTextual() && !readable(query.get(parameter).asText())) {
      query.put(parameter, NOBODY);
      return true;
    }
    return false;
  }

  /** Asked with the caller's own authorization checks: Camunda's READ on the user. */
  private static boolean readable(String account) {
    return ProcessEngines.getDefaultProcessEngine().getIdentityService().createUserQuery().userId(account).count() > 0;
  }
}
