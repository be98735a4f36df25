package jp.madoguchi.tenant;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    tenants = tenants == null ? List.of() : List.copyOf(tenants);
    operators = operators == null ? List.of() : List.copyOf(operators);
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
      staffAllowedCidrs = staffAllowedCidrs == null ? List.of() : List.copyOf(staffAllowedCidrs);
      staff = staff == null ? List.of() : List.copyOf(staff);
      departments = departments == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(departments));
    }
  }

  record LineSeed(String channelSecret, String channelAccessToken, String loginChannelId, String liffId) {
  }

  record StaffSeed(String id, String password, List<String> groups, String firstName, String lastName, String email) {

    @JsonCreator
    StaffSeed {
      groups = groups == null ? List.of() : List.copyOf(groups);
    }
  }
}
