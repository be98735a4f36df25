package jp.madoguchi.department;

import java.util.LinkedHashMap;
import java.util.Map;

import jp.madoguchi.audit.OperationEvent;
import jp.madoguchi.staff.StaffRequestException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The names a municipality's administrator gives its departments, shown instead of the group ids
 * ({@code waste-section}) in the console. Naming a group the municipality does not use yet adds it
 * as a department, so that staff can be put in it before its first procedure is deployed. Each
 * change is one transaction with its {@link OperationEvent}; callers check who may do it.
 */
@Component
public class DepartmentDirectory {

  public static final int MAX_NAMED = 200;

  private final DepartmentNames names;
  private final ApplicationEventPublisher events;

  DepartmentDirectory(DepartmentNames names, ApplicationEventPublisher events) {
    this.names = names;
    this.events = events;
  }

  public Map<String, String> names(String tenantId) {
    return names.of(tenantId);
  }

  @Transactional
  public Map<String, String> name(String tenantId, String department, String name, String actor) {
    checkId(department);
    DepartmentRules.nameProblem(name).ifPresent(refusal -> {
      throw refused(refusal);
    });
    String trimmed = DepartmentRules.normalized(name);
    Map<String, String> current = names.of(tenantId);
    current.forEach((other, otherName) -> {
      if (!other.equals(department) && otherName.equals(trimmed)) {
        throw nameTaken(trimmed, other);
      }
    });
    if (!current.containsKey(department) && current.size() >= MAX_NAMED) {
      throw new StaffRequestException(400, "名前を付けられる部署は " + MAX_NAMED + " までです "
          + "(at most " + MAX_NAMED + " named departments)");
    }
    String before;
    try {
      before = names.put(tenantId, department, trimmed);
    } catch (DuplicateKeyException e) {
      throw nameTaken(trimmed, null);
    }
    Map<String, String> details = new LinkedHashMap<>();
    details.put("name", trimmed);
    if (before != null) {
      details.put("before", before);
    }
    events.publishEvent(new OperationEvent(tenantId, actor, "department.named", department, details));
    return Map.of("id", department, "name", trimmed);
  }

  /**
   * Names from a seed file, each unless the municipality has that department named already (or has
   * given the name to another one): the administrator's own changes stay. Checked by the caller.
   * Returns the names written.
   */
  public Map<String, String> seed(String tenantId, Map<String, String> seeded) {
    Map<String, String> written = new LinkedHashMap<>();
    seeded.forEach((department, name) -> {
      String normalized = DepartmentRules.normalized(name);
      if (names.putIfAbsent(tenantId, department, normalized)) {
        written.put(department, normalized);
      }
    });
    return written;
  }

  @Transactional
  public void removeName(String tenantId, String department, String actor) {
    checkId(department);
    String before = names.of(tenantId).get(department);
    if (before == null || !names.remove(tenantId, department)) {
      throw new StaffRequestException(404, "この部署には名前が付いていません (this department has no name)");
    }
    events.publishEvent(new OperationEvent(tenantId, actor, "department.name-removed", department,
        Map.of("before", before)));
  }

  /** {@code other}: the department that has the name, or null when another request has just given it. */
  private static StaffRequestException nameTaken(String name, String other) {
    return new StaffRequestException(409, "「" + name + "」はすでにほかの部署" + (other == null ? "" : " " + other)
        + " の名前です。別の名前にしてください (this name is already another department's)");
  }

  private static void checkId(String department) {
    DepartmentRules.idProblem(department).ifPresent(refusal -> {
      throw refused(refusal);
    });
  }

  private static StaffRequestException refused(DepartmentRules.Refusal refusal) {
    return new StaffRequestException(400, refusal.japanese() + " (" + refusal.english() + ")");
  }
}
