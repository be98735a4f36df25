package jp.madoguchi.department;

import java.util.Optional;
import java.util.regex.Pattern;

import jp.madoguchi.staff.StaffGroups;
import jp.madoguchi.staff.StaffRoles;

/** What a department id and a department name must be, wherever they come from (the console, a seed file). */
public final class DepartmentRules {

  static final int MAX_NAME_LENGTH = 60;
  private static final Pattern GROUP_ID = Pattern.compile("^[a-z0-9][a-z0-9-]{1,63}$");
  private static final Pattern NAME = Pattern.compile("^[^\\p{Cntrl}\\u2028\\u2029]+$");

  private DepartmentRules() {
  }

  /** Why a text cannot be given to people as a refusal, in Japanese and English. */
  public record Refusal(String japanese, String english) {
  }

  public static Optional<Refusal> idProblem(String department) {
    if (department == null || !GROUP_ID.matcher(department).matches()) {
      return Optional.of(new Refusal("部署の ID は英小文字・数字・「-」の 2〜64 文字にしてください（例：dog-section）",
          "a department id is 2-64 lowercase letters, digits or '-'"));
    }
    if (StaffGroups.isReserved(department) || department.endsWith(StaffRoles.CHIEF_SUFFIX)) {
      return Optional.of(new Refusal("「" + department + "」は役割のグループで、部署にはできません",
          "this group is a role, not a department"));
    }
    return Optional.empty();
  }

  /** The name as kept: without spaces around it. */
  public static String normalized(String name) {
    return name == null ? "" : name.strip();
  }

  public static Optional<Refusal> nameProblem(String name) {
    String normalized = normalized(name);
    if (normalized.isEmpty() || normalized.codePointCount(0, normalized.length()) > MAX_NAME_LENGTH
        || !NAME.matcher(normalized).matches()) {
      return Optional.of(new Refusal("部署名は改行を含まない 1〜" + MAX_NAME_LENGTH + " 文字で入力してください（例：環境課 ごみ減量係）",
          "a department name is 1-" + MAX_NAME_LENGTH + " characters on one line"));
    }
    return Optional.empty();
  }
}
