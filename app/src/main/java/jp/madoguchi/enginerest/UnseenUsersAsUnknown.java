package jp.madoguchi.enginerest;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.UriBuilder;
import org.camunda.bpm.engine.ProcessEngines;

/**
 * A search by a staff account ({@code group?member=}, {@code tenant?userMember=},
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

  private static final Pattern SEARCH = Pattern.compile("^/?(?:engine/[^/]+/)?(group|tenant|identity/groups)(?:/count)?/?$");
  private static final Map<String, String> ACCOUNT_PARAMETER = Map.of(
      "group", "member", "tenant", "userMember", "identity/groups", "userId");

  @Override
  public void filter(ContainerRequestContext request) {
    if (!"GET".equals(request.getMethod())) {
      return;
    }
    Matcher search = SEARCH.matcher(request.getUriInfo().getPath());
    if (!search.matches()) {
      return;
    }
    String parameter = ACCOUNT_PARAMETER.get(search.group(1));
    List<String> accounts = request.getUriInfo().getQueryParameters().get(parameter);
    if (accounts == null || accounts.stream().allMatch(UnseenUsersAsUnknown::readable)) {
      return;
    }
    request.setRequestUri(UriBuilder.fromUri(request.getUriInfo().getRequestUri())
        .replaceQueryParam(parameter, NOBODY).build());
  }

  /** Asked with the caller's own authorization checks: Camunda's READ on the user. */
  private static boolean readable(String account) {
    return ProcessEngines.getDefaultProcessEngine().getIdentityService().createUserQuery().userId(account).count() > 0;
  }
}
