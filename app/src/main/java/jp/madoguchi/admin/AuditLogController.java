package jp.madoguchi.admin;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.madoguchi.audit.AuditChainVerifier;
import jp.madoguchi.audit.AuditCheckpoint;
import jp.madoguchi.audit.AuditChainVerifier.Verification;
import jp.madoguchi.audit.AuditFilter;
import jp.madoguchi.audit.AuditRetention;
import jp.madoguchi.audit.AuditSearch;
import jp.madoguchi.audit.AuditSearch.AuditPage;
import jp.madoguchi.staff.StaffAccess;
import jp.madoguchi.staff.StaffMember;
import jp.madoguchi.staff.StaffRequestException;
import jp.madoguchi.web.RequestPaths;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The municipality's access and operation logs (contract C5), searchable by period, account,
 * application number and kind; JSON pages, or with {@code Accept: text/csv} every match as CSV.
 * {@code /audit-log} shows both in one list.
 */
@RestController
@RequestMapping("/api/{tenant}/admin")
class AuditLogController {

  private static final ZoneId JST = ZoneId.of("Asia/Tokyo");
  private static final int MAX_PAGE_SIZE = 500;

  private final AuditSearch search;
  private final AuditChainVerifier verifier;
  private final AuditRetention retention;

  AuditLogController(AuditSearch search, AuditChainVerifier verifier, AuditRetention retention) {
    this.search = search;
    this.verifier = verifier;
    this.retention = retention;
  }

  /** JSON pages, or every match as CSV when the client asks for {@code text/csv}. */
  @GetMapping({"/access-log", "/operation-log", "/audit-log"})
  AuditPage log(@PathVariable String tenant, LogQuery query, Authentication authentication,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept, HttpServletRequest request,
      HttpServletResponse response) throws IOException {
    StaffAccess.requireTenantAdmin(authentication, tenant);
    String path = RequestPaths.of(request);
    AuditFilter filter = filter(tenant, path, query);
    if (accept != null && accept.contains("text/csv")) {
      String name = path.substring(path.lastIndexOf('/') + 1);
      response.setContentType("text/csv; charset=UTF-8");
      response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + tenant + "-" + name + ".csv\"");
      response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
      search.writeCsv(filter, response.getOutputStream());
      return null;
    }
    int size = query.size() == null ? 50 : query.size();
    int page = query.page() == null ? 0 : query.page();
    if (size < 1 || size > MAX_PAGE_SIZE || page < 0) {
      throw new StaffRequestException(400, "page は 0 以上、size は 1〜" + MAX_PAGE_SIZE + " で指定してください (page >= 0, size 1-"
          + MAX_PAGE_SIZE + ")");
    }
    return search.search(filter, page, size);
  }

  /** With {@code seq} and {@code hash}: also checks that the chain still holds that entry (one noted earlier). */
  @GetMapping("/audit-chain/verify")
  Verification verify(@PathVariable String tenant, @RequestParam(required = false) Long seq,
      @RequestParam(required = false) String hash, Authentication authentication) {
    StaffAccess.requireTenantAdmin(authentication, tenant);
    // a malformed seq or hash: IllegalArgumentException, 400 (AdminApiErrors)
    return verifier.verify(tenant, AuditCheckpoint.of(seq, hash));
  }

  @GetMapping("/audit-retention")
  Map<String, Object> retention(@PathVariable String tenant, Authentication authentication) {
    StaffAccess.requireTenantAdmin(authentication, tenant);
    return Map.of("retentionDays", retention.retentionDays(tenant), "minDays", AuditRetention.MIN_DAYS,
        "maxDays", AuditRetention.MAX_DAYS);
  }

  record RetentionRequest(Integer retentionDays) {
  }

  @PutMapping("/audit-retention")
  Map<String, Object> setRetention(@PathVariable String tenant, @RequestBody RetentionRequest body,
      Authentication authentication) {
    StaffMember admin = StaffAccess.requireTenantAdmin(authentication, tenant);
    if (body == null || body.retentionDays() == null) {
      throw new StaffRequestException(400, "retentionDays を指定してください (retentionDays is required)");
    }
    retention.setRetentionDays(tenant, body.retentionDays(), admin.id());
    return retention(tenant, authentication);
  }

  /** Query parameters; {@code from}/{@code to} are dates (JST, to inclusive) or date-times with an offset. */
  record LogQuery(String from, String to, String account, String applicationNumber, String kind, Integer page,
      Integer size) {
  }

  private static AuditFilter filter(String tenant, String uri, LogQuery query) {
    String category = uri.endsWith("/access-log") ? "ACCESS" : uri.endsWith("/operation-log") ? "OPERATION" : null;
    return new AuditFilter(tenant, category, instant(query.from(), false), instant(query.to(), true),
        blankToNull(query.account()), blankToNull(query.applicationNumber()), blankToNull(query.kind()));
  }

  private static Instant instant(String value, boolean endOfDay) {
    if (value == null || value.isBlank()) {
      return null;
    }
    OffsetDateTime time;
    try {
      time = value.length() == 10
          ? (endOfDay ? LocalDate.parse(value).plusDays(1) : LocalDate.parse(value)).atStartOfDay(JST).toOffsetDateTime()
          : OffsetDateTime.parse(value);
    } catch (DateTimeParseException e) {
      throw new StaffRequestException(400, "from / to は 2026-12-01 または 2026-12-01T09:00:00+09:00 の形式で指定してください "
          + "(from/to: a date or an ISO date-time with offset)");
    }
    if (time.getYear() < 1970 || time.getYear() > 9999) {
      throw new StaffRequestException(400, "from / to は 1970 年から 9999 年の間で指定してください "
          + "(from/to must lie between the years 1970 and 9999)");
    }
    return time.toInstant();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
