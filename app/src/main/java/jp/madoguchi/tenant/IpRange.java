package jp.madoguchi.tenant;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** An IPv4 or IPv6 range in CIDR notation, e.g. {@code 192.0.2.0/24} or {@code ::1/128}. */
public record IpRange(byte[] network, int prefixLength) {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:]*:[0-9a-fA-F:]*(\\d{1,3}(\\.\\d{1,3}){3})?");
  private static final Pattern PREFIX = Pattern.compile("\\d{1,3}");

  public static IpRange parse(String cidr) {
    String[] parts = cidr == null ? new String[0] : cidr.trim().split("/", -1);
    if (parts.length != 2) {
      throw notARange(cidr);
    }
    byte[] address = address(parts[0]).orElseThrow(() -> notARange(cidr));
    if (!PREFIX.matcher(parts[1]).matches()) {
      throw new InvalidRangeException("「" + cidr + "」の「/」の後（プレフィックス長）が数字ではありません",
          "'" + cidr + "' has an invalid prefix length");
    }
    int prefix = Integer.parseInt(parts[1]);
    if (prefix < 0 || prefix > address.length * 8) {
      throw new InvalidRangeException("「" + cidr + "」のプレフィックス長は " + address.length * 8 + " 以下にしてください",
          "'" + cidr + "' has a prefix length out of range");
    }
    return new IpRange(address, prefix);
  }

  private static InvalidRangeException notARange(String cidr) {
    return new InvalidRangeException("「" + cidr + "」は CIDR 形式（例: 192.0.2.0/24、2001:db8::/32）ではありません",
        "'" + cidr + "' is not a CIDR range such as 192.0.2.0/24 or 2001:db8::/32");
  }

  /** A range that cannot be read: the English message for logs, {@link #japanese()} for the person who wrote it. */
  public static final class InvalidRangeException extends IllegalArgumentException {

    private final String japanese;

    InvalidRangeException(String japanese, String english) {
      super(english);
      this.japanese = japanese;
    }

    public String japanese() {
      return japanese;
    }

    /** Japanese with the English in brackets, as the app's other answers to staff. */
    public String bilingual() {
      return japanese + " (" + getMessage() + ")";
    }
  }

  /**
   * The bytes of an IPv4 or IPv6 address written as a literal ({@code 192.0.2.10}, {@code ::1},
   * {@code 0:0:0:0:0:0:0:1}); empty for anything else, which is never looked up as a name.
   */
  public static Optional<byte[]> address(String literal) {
    // only full literals: a name (or a shortened IPv4 such as 10.1) would be looked up or misread
    if (literal == null || !(IPV4.matcher(literal).matches() || IPV6.matcher(literal).matches())) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(literal).getAddress()); // a literal: no name lookup happens
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  public boolean contains(InetAddress candidate) {
    byte[] other = candidate.getAddress();
    if (other.length != network.length) {
      return false;
    }
    int fullBytes = prefixLength / 8;
    for (int i = 0; i < fullBytes; i++) {
      if (other[i] != network[i]) {
        return false;
      }
    }
    int remainingBits = prefixLength % 8;
    if (remainingBits == 0) {
      return true;
    }
    int mask = (0xFF << (8 - remainingBits)) & 0xFF;
    return (other[fullBytes] & mask) == (network[fullBytes] & mask);
  }
}
