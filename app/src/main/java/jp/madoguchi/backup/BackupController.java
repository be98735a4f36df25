package jp.madoguchi.backup;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jp.madoguchi.staff.StaffAccess;
import jp.madoguchi.staff.StaffMember;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators' view and trigger of the embedded database's backups, under the operator API (HTTP Basic
 * of an operator account, no session, cross-site changes refused, the operators' address ranges).
 * A backup asked for here runs in the background; the GET shows when it is done.
 */
@RestController
@RequestMapping("/api/operator/backups")
class BackupController {

  private final DatabaseBackups backups;
  private final BackupProperties properties;

  BackupController(DatabaseBackups backups, BackupProperties properties) {
    this.backups = backups;
    this.properties = properties;
  }

  @GetMapping
  Map<String, Object> status(Authentication authentication) throws IOException {
    StaffAccess.requireOperator(authentication);
    Map<String, Object> status = new LinkedHashMap<>();
    String problem = backups.unavailable().orElse(null);
    status.put("available", problem == null);
    status.put("problem", problem);
    status.put("running", backups.running());
    status.put("schedule", properties.scheduled() ? properties.cron() : null);
    status.put("keep", properties.keep());
    if (backups.embedded()) {
      status.put("directory", backups.directory().toString());
      status.put("backups", backups.folder().describe());
    }
    status.put("lastSuccess", backups.lastSuccess().orElse(null));
    status.put("lastFailure", backups.lastFailure().orElse(null));
    return status;
  }

  @PostMapping
  ResponseEntity<Map<String, Object>> start(Authentication authentication) {
    StaffMember operator = StaffAccess.requireOperator(authentication);
    var problem = backups.unavailable();
    if (problem.isPresent()) {
      return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("message",
          "バックアップを取得できません (no backup can be taken): " + problem.get()));
    }
    if (!backups.startInBackground(operator.id())) {
      return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("message",
          "バックアップを取得中です。終わってからもう一度お試しください (a backup is already running)"));
    }
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("message",
        "バックアップを開始しました (backup started): GET /api/operator/backups shows when it is done"));
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<Map<String, String>> denied() {
    return ResponseEntity.status(403).body(Map.of("message", "運用者だけが行えます (operators only)"));
  }
}
