package jp.madoguchi.line;

import java.io.IOException;
import java.util.Map;

import jp.madoguchi.staff.StaffAccess;
import jp.madoguchi.staff.StaffMember;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Admin actions on the tenant's LINE Official Account. */
@RestController
class LineAdminController {

  private final RichMenuService richMenus;
  private final LineChannels channels;
  private final LineChannelSettings settings;

  LineAdminController(RichMenuService richMenus, LineChannels channels, LineChannelSettings settings) {
    this.richMenus = richMenus;
    this.channels = channels;
    this.settings = settings;
  }

  /** The channel's LINE Login channel id and LIFF id, and whether LINE takes the token in use; never the secrets. */
  @GetMapping("/api/{tenant}/admin/line/channel")
  Map<String, Object> channel(@PathVariable String tenant, Authentication authentication) {
    StaffAccess.requireTenantAdmin(authentication, tenant);
    return settings.show(tenant);
  }

  /** A token or secret reissued, a LINE Login channel or LIFF app made anew; the secrets are never shown back. */
  @PutMapping("/api/{tenant}/admin/line/channel")
  ResponseEntity<Map<String, Object>> changeChannel(@PathVariable String tenant,
      @RequestBody(required = false) LineChannelSettings.Change request, Authentication authentication) {
    StaffMember admin = StaffAccess.requireTenantAdmin(authentication, tenant);
    try {
      return ResponseEntity.ok(settings.change(tenant, admin.id(), request));
    } catch (LineChannelSettings.Refused e) {
      return ResponseEntity.status(e.status()).body(Map.of("message", e.getMessage()));
    }
  }

  @PostMapping("/api/{tenant}/admin/line/rich-menu")
  ResponseEntity<Map<String, Object>> createRichMenu(@PathVariable String tenant, Authentication authentication) {
    StaffAccess.requireTenantAdmin(authentication, tenant);
    if (channels.find(tenant).isEmpty()) {
      return ResponseEntity.status(HttpStatus.CONFLICT)
          .body(Map.of("message", "LINE のチャネルが設定されていません (no LINE channel configured for this tenant)"));
    }
    try {
      return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("richMenuId", richMenus.createDefault(tenant)));
    } catch (IOException e) {
      LineCalls.Failure failure = LineCalls.reported("rich menu", tenant, e);
      return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(Map.of("message",
          "LINE でリッチメニューを作成できませんでした（" + failure.japanese() + "）。しばらくしてからもう一度お試しください "
          + "(the rich menu could not be created with LINE: " + failure.english() + ")"));
    }
  }
}
