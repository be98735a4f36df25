package jp.madoguchi.gate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;

/**
 * Why a staff member is turned away, in Japanese with the English alongside. Camunda's login page
 * shows {@code message} of a refused login as it is.
 *
 * @param reason a stable code, also the kind of the access-log entry ({@code refused.<reason>})
 */
public record GateRefusal(String reason, String japanese, String english) {

  private static final ObjectMapper JSON = new ObjectMapper();

  static GateRefusal addressNotAllowed(String address) {
    return new GateRefusal("address-not-allowed",
        "このアカウントは、登録された場所（IP アドレス）からしか利用できません。現在のアドレス: " + address,
        "This account may only be used from its registered address ranges; your address: " + address);
  }

  static GateRefusal tenantSuspended() {
    return new GateRefusal("tenant-suspended", "この自治体の利用は現在停止されています。",
        "This municipality's service is suspended.");
  }

  static GateRefusal accountDisabled() {
    return new GateRefusal("account-disabled", "このアカウントは無効にされています。管理者にお問い合わせください。",
        "This account is disabled; please contact your administrator.");
  }

  static GateRefusal passwordChangeRequired() {
    return new GateRefusal("password-change-required",
        "初期パスワードのままです。/staff/password でパスワードを変更してから利用してください。",
        "Your password is an initial one: change it at /staff/password first.");
  }

  static GateRefusal forbiddenRoles() {
    return new GateRefusal("forbidden-roles", "このアカウントには持てない役割（システム管理グループ、または運用者と自治体管理者の兼務）があります。運用者にお問い合わせください。",
        "This account holds roles no account may hold (Camunda's administrators group, or operator and tenant admin at once); please contact the operators.");
  }

  static GateRefusal operatorsOnly() {
    return new GateRefusal("operators-only",
        "この数値（エンジンのメトリクス）はすべての自治体をまとめて数えるため、運用担当者だけが見られます。",
        "These figures (the engine's metrics) count every municipality together; only the SaaS operators may read them.");
  }

  static GateRefusal noTenant() {
    return new GateRefusal("no-tenant", "このアカウントはどの自治体にも所属していません。",
        "This account belongs to no municipality.");
  }

  public String message() {
    return japanese + " (" + english + ")";
  }

  /** Answers 403 with {@code {"message", "reason"}}. */
  public void send(HttpServletResponse response) throws IOException {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    JSON.writeValue(response.getOutputStream(), Map.of("message", message(), "reason", reason));
  }
}
