package jp.madoguchi.statistics;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import jp.madoguchi.staff.StaffAccess;
import jp.madoguchi.statistics.StatisticsPeriod.InvalidPeriodException;
import jp.madoguchi.tenant.TenantRepository;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tenant admin's usage statistics: JSON for the dashboard, CSV ({@code Accept: text/csv}) of
 * every table at once or of one table ({@code /statistics/{table}.csv}). Counts only.
 */
@RestController
@RequestMapping("/api/{tenant}/admin/statistics")
class StatisticsController {

  private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final StatisticsService statistics;
  private final TenantRepository tenants;
  private final StatisticsProperties properties;
  private final Clock clock;

  StatisticsController(StatisticsService statistics, TenantRepository tenants, StatisticsProperties properties,
      Clock clock) {
    this.statistics = statistics;
    this.tenants = tenants;
    this.properties = properties;
    this.clock = clock;
  }

  @GetMapping
  ResponseEntity<?> statistics(@PathVariable String tenant, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
      Authentication authentication) {
    Statistics result = compute(tenant, from, to, authentication);
    if (accept != null && accept.contains("text/csv")) {
      return csv(StatisticsCsv.all(result), "statistics-" + tenant + "-" + result.from() + "_" + result.to());
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(result);
  }

  @GetMapping({"/{table}.csv", "/{table}"})
  ResponseEntity<?> table(@PathVariable String tenant, @PathVariable String table,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      Authentication authentication) {
    StaffAccess.requireTenantAdmin(authentication, tenant);
    StatisticsTables found = StatisticsTables.bySlug(table).orElse(null);
    if (found == null) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON).body(Map.of("message",
          "この表はありません (no such table; one of " + Arrays.stream(StatisticsTables.values())
              .map(StatisticsTables::slug).collect(Collectors.joining(", ")) + ")"));
    }
    Statistics result = compute(tenant, from, to, authentication);
    return csv(StatisticsCsv.of(found.of(result)),
        "statistics-" + tenant + "-" + found.slug() + "-" + result.from() + "_" + result.to());
  }

  private Statistics compute(String tenant, String from, String to, Authentication authentication) {
    StaffAccess.requireTenantAdmin(authentication, tenant);
    if (tenants.findById(tenant).isEmpty()) {
      throw new UnknownTenantException();
    }
    StatisticsPeriod period = StatisticsPeriod.of(from, to, LocalDate.now(clock), properties.maxDays());
    return statistics.compute(tenant, period);
  }

  private static ResponseEntity<byte[]> csv(byte[] body, String name) {
    return ResponseEntity.ok().contentType(CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name + ".csv").build().toString())
        .body(body);
  }

  @ExceptionHandler(InvalidPeriodException.class)
  ResponseEntity<Map<String, String>> invalidPeriod(InvalidPeriodException e) {
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(Map.of("message", e.getMessage()));
  }

  @ExceptionHandler(UnknownTenantException.class)
  ResponseEntity<Map<String, String>> unknownTenant() {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("message", "この自治体はありません (no such tenant)"));
  }

  private static final class UnknownTenantException extends RuntimeException {
  }
}
