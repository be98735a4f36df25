package jp.madoguchi.enginerest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.UriBuilder;
import org.camunda.bpm.engine.ProcessEngines;

/**
 * A search by a staff account ({@code group?member=} and its JSON form, {@code tenant?userMember=},
 * {@code identity/groups?userId=}) the caller may not read is asked about an account nobody has.
 * Camunda checks the groups or municipalities it lists, not the account they are searched by: a clerk
 * of one municipality learned which accounts of another exist and in which of the shared department
 * groups (waste-section …) they work. Whoever may read the account (the account itself, operators)
 * gets Camunda's answer unchanged.
 */
@PreMatching
public class UnseenUsersAsUnknown implements ContainerRequestFilter {

  /** No staff account can have it: account ids are lower case without spaces. */
  static final String NOBODY = "Unseen Account";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SEARCH = Pattern.compile("^/?(?:engine/[^/]+/)?(group|tenant|identity/groups)(?:/count)?/?$");
  private static final Map<String, String> ACCOUNT_PARAMETER = Map.of(
      "group", "member", "tenant", "userMember", "identity/groups", "userId");

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    Matcher search = SEARCH.matcher(request.getUriInfo().getPath());
    if (!search.matches()) {
      return;
    }
    String parameter = ACCOUNT_PARAMETER.get(search.group(1));
    if ("GET".equals(request.getMethod())) {
      List<String> accounts = request.getUriInfo().getQueryParameters().get(parameter);
      if (accounts != null && !accounts.stream().allMatch(UnseenUsersAsUnknown::readable)) {
        request.setRequestUri(UriBuilder.fromUri(request.getUriInfo().getRequestUri())
            .replaceQueryParam(parameter, NOBODY).build());
      }
    } else if ("POST".equals(request.getMethod()) && "group".equals(search.group(1)) && request.hasEntity()) {
      searchBodyAsNobody(request, parameter);
    }
  }

  /** {@code POST group} and {@code group/count} search by a JSON body; a body that is not an object is left to Camunda. */
  private static void searchBodyAsNobody(ContainerRequestContext request, String parameter) throws IOException {
    byte[] body = request.getEntityStream().readAllBytes();
    request.setEntityStream(new ByteArrayInputStream(body));
    JsonNode query;
    try {
      query = JSON.readTree(body);
    } catch (JsonProcessingException unreadable) {
      return;
    }
    if (query instanceof ObjectNode object && object.path(parameter).isTextual()
        && !readable(object.get(parameter).asText())) {
      object.put(parameter, NOBODY);
      request.setEntityStream(new ByteArrayInputStream(JSON.writeValueAsBytes(object)));
    }
  }

  /** Asked with the caller's own authorization checks: Camunda's READ on the user. */
  private static boolean readable(String account) {
    return ProcessEngines.getDefaultProcessEngine().getIdentityService().createUserQuery().userId(account).count() > 0;
  }
}
