package jp.madoguchi.perimeter;

/**
 * Whether plain HTTP from other machines is refused ({@link PlainHttpRefusal}): as
 * {@code MADOGUCHI_REQUIRE_TLS} says, or, unset, whenever the public URL people use is https.
 */
record TlsRequirement(boolean required, String publicUrl) {

  static TlsRequirement of(Boolean configured, String publicUrl) {
    boolean https = publicUrl.startsWith("https://");
    if (Boolean.TRUE.equals(configured) && !https) {
      throw new IllegalStateException("MADOGUCHI_REQUIRE_TLS=true needs MADOGUCHI_PUBLIC_URL to be the https:// "
          + "address people use (plain HTTP requests are sent there)");
    }
    return new TlsRequirement(configured == null ? https : configured, publicUrl);
  }

  String describe() {
    return required
        ? "TLS required: plain HTTP from other machines is redirected to " + publicUrl
            + " (pages) or refused; the reverse proxy must send X-Forwarded-Proto"
        : "TLS not required (MADOGUCHI_PUBLIC_URL is not https, or MADOGUCHI_REQUIRE_TLS=false)";
  }
}
