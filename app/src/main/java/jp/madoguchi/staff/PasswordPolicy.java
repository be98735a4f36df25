package jp.madoguchi.staff;

import java.security.SecureRandom;
import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;

/** Camunda's password policy, explained in Japanese and English; and initial passwords that meet it. */
public final class PasswordPolicy {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
  private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
  private static final String DIGITS = "23456789";
  private static final String SYMBOLS = "!#%+-=?@";

  private PasswordPolicy() {
  }

  /** Why the password is refused for this user, or null when it meets the policy. */
  public static String problem(IdentityService identity, String password, User user) {
    if (password == null || password.isEmpty()) {
      return "パスワードを入力してください (a password is required)";
    }
    if (password.length() > 128) {
      return "パスワードは 128 文字以内にしてください (at most 128 characters)";
    }
    var result = identity.checkPasswordAgainstPolicy(password, user);
    if (result.isValid()) {
      return null;
    }
    List<PasswordPolicyRule> violated = result.getViolatedRules();
    return "パスワードが規則を満たしていません: " + violated.stream().map(PasswordPolicy::japanese).collect(Collectors.joining("、"))
        + " (the password does not meet the policy: at least 10 characters with upper and lower case letters, "
        + "a digit and a symbol, not containing the staff id or name)";
  }

  private static String japanese(PasswordPolicyRule rule) {
    String placeholder = rule.getPlaceholder();
    if (placeholder.endsWith("LENGTH")) {
      return "10 文字以上";
    } else if (placeholder.endsWith("LOWERCASE")) {
      return "英小文字を含む";
    } else if (placeholder.endsWith("UPPERCASE")) {
      return "英大文字を含む";
    } else if (placeholder.endsWith("DIGIT")) {
      return "数字を含む";
    } else if (placeholder.endsWith("SPECIAL")) {
      return "記号を含む";
    } else if (placeholder.endsWith("USER_DATA")) {
      return "ID や氏名を含まない";
    }
    return placeholder;
  }

  /** A random 16-character password with every kind of character the policy asks for. */
  public static String initialPassword() {
    StringBuilder password = new StringBuilder();
    for (String alphabet : List.of(LOWER, UPPER, DIGITS, SYMBOLS)) {
      password.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    String all = LOWER + UPPER + DIGITS + SYMBOLS;
    while (password.length() < 16) {
      password.append(all.charAt(RANDOM.nextInt(all.length())));
    }
    for (int i = password.length() - 1; i > 0; i--) {
      int j = RANDOM.nextInt(i + 1);
      char swap = password.charAt(i);
      password.setCharAt(i, password.charAt(j));
      password.setCharAt(j, swap);
    }
    return password.toString();
  }
}
