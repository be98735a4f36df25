package jp.madoguchi.login;

/**
 * A typed sign-in name that no account can have and that must not reach the database: empty, longer
 * than any user id, or with a control character (PostgreSQL refuses a NUL in text, which made every
 * sign-in path answer 500). Such a sign-in is simply wrong.
 */
public final class SignInNames {

  private static final int LONGEST_USER_ID = 64;

  private SignInNames() {
  }

  public static boolean unusable(String name) {
    return name == null || name.isEmpty() || name.length() > LONGEST_USER_ID
        || name.chars().anyMatch(Character::isISOControl);
  }
}
