package jp.madoguchi.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.madoguchi.audit.AccessLogAttributes;
import jp.madoguchi.staff.StaffAccess;
import jp.madoguchi.staff.StaffMember;
import jp.madoguchi.staff.StaffRequestException;
import jp.madoguchi.tenant.TenantRepository;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A municipality's export at contract end: started by its own administrator or an operator, run
 * in the background, then downloaded as one ZIP. Sensitive fields (要配慮個人情報) are in it only
 * when the municipality's administrator asks for them, and such an export is theirs alone to download.
 */
@RestController
@RequestMapping("/api/{tenant}/admin/exports")
class ExportController {

  private final ExportJobs jobs;
  private final ExportStore store;
  private final TenantRepository tenants;

  ExportController(ExportJobs jobs, ExportStore store, TenantRepository tenants) {
    this.jobs = jobs;
    this.store = store;
    this.tenants = tenants;
  }

  record ExportRequest(Boolean includeSensitive) {
  }

  @PostMapping
  ResponseEntity<Map<String, Object>> start(@PathVariable String tenant, @RequestBody(required = false) ExportRequest body,
      Authentication authentication) {
    StaffMember staff = allowed(authentication, tenant);
    boolean includeSensitive = body != null && Boolean.TRUE.equals(body.includeSensitive());
    if (includeSensitive && staff.isOperator()) {
      throw new AccessDeniedException("Only the municipality's administrators may export sensitive fields");
    }
    Export export = jobs.start(tenant, staff.id(), includeSensitive);
    return ResponseEntity.accepted().header(HttpHeaders.LOCATION, path(export)).body(view(export));
  }

  @GetMapping
  List<Map<String, Object>> list(@PathVariable String tenant, Authentication authentication) {
    allowed(authentication, tenant);
    return store.ofTenant(tenant).stream().map(ExportController::view).toList();
  }

  @GetMapping("/{id}")
  Map<String, Object> show(@PathVariable String tenant, @PathVariable UUID id, Authentication authentication) {
    allowed(authentication, tenant);
    return view(find(tenant, id));
  }

  /** The ZIP, streamed from the sealed file; a download that reaches its end is recorded. */
  @GetMapping("/{id}/download")
  void download(@PathVariable String tenant, @PathVariable UUID id, Authentication authentication,
      HttpServletRequest request, HttpServletResponse response) throws IOException {
    StaffMember staff = allowed(authentication, tenant);
    Export export = find(tenant, id);
    if (export.includeSensitive() && staff.isOperator()) {
      throw new AccessDeniedException("An export with sensitive fields is for the municipality's administrators only");
    }
    if (staff.isOperator() && !staff.id().equals(export.requestedBy())) {
      // an export the municipality's own staff asked for holds the staff list with names and e-mail addresses
      throw new StaffRequestException(403, "運用者がダウンロードできるのは、自分で作成したエクスポートだけです "
          + "(an operator downloads only the exports they started)");
    }
    if ("EXPIRED".equals(export.status())) {
      throw new StaffRequestException(410, "このエクスポートは保存期間を過ぎ、削除されました。もう一度エクスポートしてください "
          + "(this export expired and was deleted; start a new one)");
    }
    if (!export.ready()) {
      throw new StaffRequestException(409, "このエクスポートはまだダウンロードできません（状態: " + export.status() + "） "
          + "(this export is not ready: " + export.status() + ")");
    }
    response.setContentType("application/zip");
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
        "attachment; filename=\"madoguchi-export-" + tenant + "-" + id + ".zip\"");
    response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
    response.setContentLengthLong(export.sizeBytes());
    if (HttpMethod.HEAD.matches(request.getMethod())) {
      // Spring answers HEAD with this handler: a HEAD reads nothing, so it is no download the purge may count
      return;
    }
    AccessLogAttributes.personalDataRead(request, null);
    try (InputStream in = jobs.open(export)) {
      OutputStream out = response.getOutputStream();
      in.transferTo(out);
      out.flush();
    }
    jobs.downloaded(export, staff.id());
  }

  private StaffMember allowed(Authentication authentication, String tenant) {
    StaffMember staff;
    try {
      staff = StaffAccess.requireOperator(authentication);
    } catch (AccessDeniedException notOperator) {
      return StaffAccess.requireTenantAdmin(authentication, tenant);
    }
    if (tenants.findById(tenant).isEmpty()) {
      throw new StaffRequestException(404, "この自治体はありません (no such municipality)");
    }
    if (!staff.belongsTo(tenant)) {
      throw new StaffRequestException(403, "運用者がエクスポートするには、この自治体のサポート許可が必要です "
          + "(an operator exports a municipality's data only under its support grant)");
    }
    return staff;
  }

  private Export find(String tenant, UUID id) {
    return store.find(tenant, id).orElseThrow(() -> new StaffRequestException(404,
        "このエクスポートはありません (no such export)"));
  }

  private static String path(Export export) {
    return "/api/" + export.tenantId() + "/admin/exports/" + export.id();
  }

  private static Map<String, Object> view(Export export) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", export.id());
    view.put("status", export.status());
    view.put("phase", export.phase());
    view.put("itemsDone", export.itemsDone());
    view.put("itemsTotal", export.itemsTotal());
    view.put("includeSensitive", export.includeSensitive());
    view.put("requestedBy", export.requestedBy());
    view.put("createdAt", jst(export.createdAt()));
    view.put("finishedAt", jst(export.finishedAt()));
    view.put("expiresAt", jst(export.expiresAt()));
    view.put("sizeBytes", export.sizeBytes());
    view.put("manifestSha256", export.manifestSha256());
    view.put("failure", export.failure());
    view.put("downloadedAt", jst(export.downloadedAt()));
    view.put("downloadedBy", export.downloadedBy());
    view.put("downloadCount", export.downloadCount());
    view.put("download", export.ready() ? path(export) + "/download" : null);
    return view;
  }

  private static Object jst(Instant instant) {
    return instant == null ? null : instant.atZone(ExportStore.jst()).toOffsetDateTime();
  }

  @ExceptionHandler(StaffRequestException.class)
  ResponseEntity<Map<String, String>> refused(StaffRequestException e) {
    return ResponseEntity.status(e.status()).body(Map.of("message", e.getMessage()));
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<Map<String, String>> denied() {
    return ResponseEntity.status(403).body(Map.of("message",
        "この操作はこの自治体の管理者または運用者だけが行えます (only this municipality's administrators or operators may do this)"));
  }
}
