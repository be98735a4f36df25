package jp.madoguchi.login;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.madoguchi.audit.AccessLogContext;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every way staff sign in (Camunda's webapp login, HTTP Basic on {@code /engine-rest} and on the
 * staff and operator APIs) passes here before the password is checked: a locked account name or
 * address is answered 429 without looking at the password; a refused password (401) counts
 * against both; a successful sign-in forgets the account's failures.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

  private static final DateTimeFormatter JST = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Tokyo"));
  private static final ObjectMapper JSON = new ObjectMapper();

  private final LoginLocks locks;
  private final IdentityService identity;
  private final Clock clock;

  LoginThrottleFilter(LoginLocks locks, IdentityService identity, Clock clock) {
    this.locks = locks;
    this.identity = identity;
    this.clock = clock;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (LoginAttempts.isPasswordOracle(request)) {
      AccessLogContext.kind(request, "refused.password-check");
      send(response, HttpServletResponse.SC_FORBIDDEN, "パスワードの確認だけを行う API は使えません。",
          "Checking a password outside a sign-in is not offered.");
      return;
    }
    if (LoginAttempts.hasAmbiguousAccount(request)) {
      AccessLogContext.kind(request, "refused.login-form");
      send(response, HttpServletResponse.SC_BAD_REQUEST, "ID とパスワードはフォームの本文で 1 つずつ送ってください（URL には入れないでください）。",
          "Send the user name and password once each in the form body, not in the URL.");
      return;
    }
    String account = LoginAttempts.account(request);
    if (account == null) {
      chain.doFilter(request, response);
      return;
    }
    String address = request.getRemoteAddr();
    if (SignInNames.unusable(account)) {
      // no account has such a name, and it must not reach the engine's user table (a NUL stops PostgreSQL)
      locks.failed(account, address);
      AccessLogContext.kind(request, "login.failed");
      send(response, HttpServletResponse.SC_UNAUTHORIZED, "ID またはパスワードが違います。",
          "Wrong user name or password.");
      return;
    }
    LoginLocks.State state = locks.state(account, address);
    if (state.lockedUntil() != null) {
      identifyIfExists(request, account);
      AccessLogContext.kind(request, "login.locked");
      response.setHeader(HttpHeaders.RETRY_AFTER,
          Long.toString(Math.max(1, Duration.between(clock.instant(), state.lockedUntil()).toSeconds())));
      String until = JST.format(state.lockedUntil());
      send(response, 429, "ログインの失敗が続いたため、" + until + " まではログインできません。",
          "Too many failed sign-ins: try again after " + until + " JST.");
      return;
    }
    chain.doFilter(request, response);
    int status = response.getStatus();
    if (status == HttpServletResponse.SC_UNAUTHORIZED) {
      locks.failed(account, address);
      identifyIfExists(request, account);
      AccessLogContext.kind(request, "login.failed");
    } else if (status < 400) {
      // only an answer the password earned: a 400 or 404 may come before any password was checked
      locks.succeeded(account, address, state);
      if (LoginAttempts.isWebappLogin(request) && status == HttpServletResponse.SC_OK) {
        AccessLogContext.kind(request, "login");
      }
    }
  }

  /** The access log names the account of a refused sign-in only if it exists (a typed password must not land there). */
  private void identifyIfExists(HttpServletRequest request, String account) {
    if (SignInNames.unusable(account) || identity.createUserQuery().userId(account).count() == 0) {
      return;
    }
    var tenants = identity.createTenantQuery().userMember(account).list();
    AccessLogContext.staff(request, account, tenants.size() == 1 ? tenants.get(0).getId() : null);
  }

  private static void send(HttpServletResponse response, int status, String japanese, String english) throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    JSON.writeValue(response.getOutputStream(), Map.of("message", japanese + " (" + english + ")"));
  }
}
