package jp.madoguchi.tenant;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * The operator's seed file ({@code MADOGUCHI_TENANTS_SEED}). Its format is a stable interface:
 * see the README, section "Tenants seed file".
 */
record TenantsSeed(List<TenantSeed> tenants, List<StaffSeed> operators, String staffPasswords) {

  /** Every account the file creates must replace its password at first sign-in (the default). */
  static final String TEMPORARY = "temporary";
  /** The file's passwords stay as given: the demo's and the tests' published accounts. */
  static final String PERMANENT = "permanent";

  @JsonCreator
  TenantsSeed {
    tenants = entries(tenants, "tenants");
    operators = entries(operators, "operators");
    staffPasswords = staffPasswords == null ? TEMPORARY : staffPasswords;
  }

  TenantsSeed(List<TenantSeed> tenants, List<StaffSeed> operators) {
    this(tenants, operators, null);
  }

  boolean temporaryPasswords() {
    return !PERMANENT.equals(staffPasswords);
  }

  /** {@code departments}: the municipality's names for its departments, group id → name (optional). */
  record TenantSeed(String slug, String name, LineSeed line, List<String> staffAllowedCidrs, List<StaffSeed> staff,
      Map<String, String> departments) {

    @JsonCreator
    TenantSeed {
      line = line == null ? new LineSeed(null, null, null, null) : line;
      staffAllowedCidrs = values(staffAllowedCidrs);
      staff = entries(staff, "staff");
      departments = departments == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(departments));
    }
  }

  record LineSeed(String channelSecret, String channelAccessToken, String loginChannelId, String liffId) {
  }

  record StaffSeed(String id, String password, List<String> groups, String firstName, String lastName, String email) {

    @JsonCreator
    StaffSeed {
      groups = values(groups);
    }
  }

  /** A list of entries; an empty entry ({@code - } alone in YAML) makes the file unreadable, saying where. */
  private static <T> List<T> entries(List<T> entries, String key) {
    if (entries == null) {
      return List.of();
    }
    if (entries.stream().anyMatch(Objects::isNull)) { // List.of(…).contains(null) throws
      throw new IllegalArgumentException("'" + key + "' has an empty entry");
    }
    return List.copyOf(entries);
  }

  /** A list of values, empty ones kept for the validator to name. */
  private static List<String> values(List<String> values) {
    return values == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(values));
  }
}
