package jp.madoguchi.line;

import java.io.IOException;
import java.util.Map;

import jp.madoguchi.staff.StaffAccess;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admin actions on the tenant's LINE Official Account. */
@RestController
class LineAdminController {

  private final RichMenuService richMenus;
  private final LineChannels channels;

  LineAdminController(RichMenuService richMenus, LineChannels channels) {
    this.richMenus = richMenus;
    this.channels = channels;
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
      return ResponseEntity.status(HttpStatus.BAD_GATEWAY)
          .body(Map.of("message", "LINE がリッチメニューの作成を受け付けませんでした (LINE refused): " + e.getMessage()));
    }
  }
}
