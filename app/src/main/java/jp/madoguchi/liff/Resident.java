package jp.madoguchi.liff;

/** A resident as LINE vouches for them in a verified ID token. {@code userId} is LINE's {@code sub}. */
public record Resident(String tenantId, String userId, String name) {
}
