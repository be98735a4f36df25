package jp.madoguchi.department;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import jp.madoguchi.audit.OperationEvent;
import jp.madoguchi.staff.StaffGroups;
import jp.madoguchi.staff.StaffRequestException;
import jp.madoguchi.staff.StaffRoles;
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

  static final int MAX_NAMED = 200;
  private static final int MAX_NAME_LENGTH = 60;
  private static final Pattern GROUP_ID = Pattern.compile("^[a-z0-9][a-z0-9-]{1,63}$");
  private static final Pattern NAME = Pattern.compile("^[^\\p{Cntrl}\\u2028\\u2029]+$");

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
    String trimmed = name == null ? "" : name.strip();
    if (trimmed.isEmpty() || trimmed.codePointCount(0, trimmed.length()) > MAX_NAME_LENGTH
        || !NAME.matcher(trimmed).matches()) {
      throw new StaffRequestException(400, "部署名は改行を含まない 1〜" + MAX_NAME_LENGTH + " 文字で入力してください（例：環境課 ごみ減量係） "
          + "(a department name is 1-" + MAX_NAME_LENGTH + " characters on one line)");
    }
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
      throw nameTaken(trimmed, "");
    }
    Map<String, String> details = new LinkedHashMap<>();
    details.put("name", trimmed);
    if (before != null) {
      details.put("before", before);
    }
    events.publishEvent(new OperationEvent(tenantId, actor, "department.named", department, details));
    return Map.of("id", department, "name", trimmed);
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

  private static StaffRequestException nameTaken(String name, String other) {
    return new StaffRequestException(409, "「" + name + "」はすでにほかの部署 " + other + " の名前です。別の名前にしてください "
        + "(this name is already another department's)");
  }

  private static void checkId(String department) {
    if (department == null || !GROUP_ID.matcher(department).matches()) {
      throw new StaffRequestException(400, "部署の ID は英小文字・数字・「-」の 2〜64 文字にしてください（例：dog-section） "
          + "(a department id is 2-64 lowercase letters, digits or '-')");
    }
    if (StaffGroups.isReserved(department) || department.endsWith(StaffRoles.CHIEF_SUFFIX)) {
      throw new StaffRequestException(400, "「" + department + "」は役割のグループで、部署にはできません "
          + "(this group is a role, not a department)");
    }
  }
}
