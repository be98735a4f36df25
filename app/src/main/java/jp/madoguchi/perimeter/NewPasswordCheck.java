package jp.madoguchi.perimeter;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.madoguchi.web.RequestPaths;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.util.StreamUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A new password sent to Camunda's REST APIs ({@code user/create}, {@code user/{id}/credentials}).
 * Camunda checks the password policy before it checks whether the caller may create or change the
 * user at all, and answers a weak password with 500. Here the caller's permission comes first (403),
 * then the policy (400, naming each rule the password breaks). On {@code /engine-rest} the caller is
 * known from Camunda's Basic authentication, which runs before this check; the webapps' API
 * authenticates later, so there only the policy is checked here and Camunda checks the permission.
 */
final class NewPasswordCheck extends OncePerRequestFilter {

  private static final Pattern CREATE = Pattern.compile("(?:/engine-rest|/camunda/api/engine/engine/[^/]+)/user/create");
  private static final Pattern CREDENTIALS =
      Pattern.compile("(?:/engine-rest|/camunda/api/engine/engine/[^/]+)/user/([^/]+)/credentials");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final IdentityService identity;
  private final AuthorizationService authorizations;

  NewPasswordCheck(IdentityService identity, AuthorizationService authorizations) {
    this.identity = identity;
    this.authorizations = authorizations;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = RequestPaths.of(request);
    return !CREATE.matcher(path).matches() && !CREDENTIALS.matcher(path).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<Refusal> refusal = BodyLimits.isJson(request) ? check(request) : Optional.empty();
    if (refusal.isPresent()) {
      refusal.get().send(response);
      return;
    }
    chain.doFilter(request, response);
  }

  private Optional<Refusal> check(HttpServletRequest request) throws IOException {
    // not closed: an empty body is not buffered, and Camunda reads the container's stream after this
    JsonNode body = JSON.readTree(StreamUtils.nonClosing(request.getInputStream()));
    if (body == null || !body.isObject()) {
      return Optional.empty();
    }
    Matcher credentials = CREDENTIALS.matcher(RequestPaths.of(request));
    boolean create = !credentials.matches();
    JsonNode profile = create ? body.path("profile") : JSON.createObjectNode();
    String userId = create ? profile.path("id").asText("") : credentials.group(1);
    String password = (create ? body.path("credentials") : body).path("password").asText("");
    if (!mayChange(create, userId)) {
      return Optional.of(Refusal.of(HttpStatus.FORBIDDEN, "この利用者を作成・変更する権限がありません",
          "you may not " + (create ? "create users" : "change this user's password")));
    }
    if (password.isEmpty()) {
      return Optional.empty();
    }
    User user = identity.newUser(userId);
    user.setFirstName(profile.path("firstName").asText(null));
    user.setLastName(profile.path("lastName").asText(null));
    user.setEmail(profile.path("email").asText(null));
    List<PasswordPolicyRule> broken = identity.checkPasswordAgainstPolicy(password, user).getViolatedRules();
    if (broken.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Refusal.badRequest("パスワードが条件を満たしていません: "
        + broken.stream().map(NewPasswordCheck::japanese).collect(Collectors.joining("、")),
        "the password does not meet the policy: "
            + broken.stream().map(NewPasswordCheck::english).collect(Collectors.joining(", "))));
  }

  /** Only known when Camunda's Basic authentication ran before (on {@code /engine-rest}). */
  private boolean mayChange(boolean create, String userId) {
    Authentication caller = identity.getCurrentAuthentication();
    if (caller == null) {
      return true;
    }
    if (!create && caller.getUserId().equals(userId)) {
      return true;
    }
    return create
        ? authorizations.isUserAuthorized(caller.getUserId(), caller.getGroupIds(), Permissions.CREATE, Resources.USER)
        : authorizations.isUserAuthorized(caller.getUserId(), caller.getGroupIds(), Permissions.UPDATE, Resources.USER,
            userId);
  }

  private static String japanese(PasswordPolicyRule rule) {
    Map<String, String> parameters = rule.getParameters() == null ? Map.of() : rule.getParameters();
    return switch (rule.getPlaceholder()) {
      case "PASSWORD_POLICY_LENGTH" -> parameters.getOrDefault("minLength", "") + "文字以上";
      case "PASSWORD_POLICY_LOWERCASE" -> "英小文字を含める";
      case "PASSWORD_POLICY_UPPERCASE" -> "英大文字を含める";
      case "PASSWORD_POLICY_DIGIT" -> "数字を含める";
      case "PASSWORD_POLICY_SPECIAL" -> "記号を含める";
      case "PASSWORD_POLICY_USER_DATA" -> "ID・氏名・メールアドレスを含めない";
      default -> rule.getPlaceholder();
    };
  }

  private static String english(PasswordPolicyRule rule) {
    Map<String, String> parameters = rule.getParameters() == null ? Map.of() : rule.getParameters();
    return rule.getPlaceholder().replace("PASSWORD_POLICY_", "").toLowerCase(java.util.Locale.ROOT)
        + parameters.entrySet().stream().map(parameter -> " " + parameter.getKey() + " " + parameter.getValue())
            .collect(Collectors.joining());
  }
}
