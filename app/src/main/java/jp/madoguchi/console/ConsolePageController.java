package jp.madoguchi.console;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Serves the tenant admin console's single page for every page path under /admin/{tenant}/, and
 * ends the staff member's session, which the console shares with Camunda's webapps.
 */
@Controller
class ConsolePageController {

  @GetMapping({"/admin/{tenant:[a-z0-9-]+}", "/admin/{tenant:[a-z0-9-]+}/", "/admin/{tenant:[a-z0-9-]+}/{page:[a-z-]+}"})
  String page(@PathVariable String tenant) {
    return "forward:/admin/index.html";
  }

  /**
   * Logs out of the console and of Tasklist, Cockpit and Admin (one session). Only the console's
   * own script may ask: same origin, and a header a cross-site form cannot send.
   */
  @PostMapping("/admin/{tenant:[a-z0-9-]+}/logout")
  @ResponseBody
  ResponseEntity<Map<String, String>> logout(HttpServletRequest request) {
    if (!SameOrigin.isConsoleCall(request)) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("message",
          "この画面からの要求ではありません (only the console may end the session)"));
    }
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    return ResponseEntity.noContent().build();
  }
}
