package jp.madoguchi.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpRangeTests {

  /** Only literals are passed, so no name lookup happens. */
  private static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(literal, e);
    }
  }

  @Test
  void shouldContainAddressesOfAnIpv4Slash24() {
    IpRange range = IpRange.parse("192.0.2.0/24");

    assertThat(range.prefixLength()).isEqualTo(24);
    assertThat(range.network()).containsExactly(192, 0, 2, 0);
    assertThat(range.contains(ip("192.0.2.0"))).isTrue();
    assertThat(range.contains(ip("192.0.2.1"))).isTrue();
    assertThat(range.contains(ip("192.0.2.255"))).isTrue();
    assertThat(range.contains(ip("192.0.3.0"))).isFalse();
    assertThat(range.contains(ip("192.0.1.255"))).isFalse();
    assertThat(range.contains(ip("10.0.2.1"))).isFalse();
  }

  @Test
  void shouldContainOnlyTheOneAddressOfASlash32() {
    IpRange range = IpRange.parse("203.0.113.7/32");

    assertThat(range.contains(ip("203.0.113.7"))).isTrue();
    assertThat(range.contains(ip("203.0.113.6"))).isFalse();
    assertThat(range.contains(ip("203.0.113.8"))).isFalse();
  }

  @Test
  void shouldContainEveryIpv4AddressInASlash0() {
    IpRange range = IpRange.parse("0.0.0.0/0");

    assertThat(range.contains(ip("0.0.0.0"))).isTrue();
    assertThat(range.contains(ip("10.1.2.3"))).isTrue();
    assertThat(range.contains(ip("255.255.255.255"))).isTrue();
    assertThat(range.contains(ip("::1"))).isFalse();
  }

  @Test
  void shouldCompareTheBitsOfAPrefixThatIsNotByteAligned() {
    // 10.0.16.0/20 is 10.0.16.0 – 10.0.31.255
    IpRange range = IpRange.parse("10.0.16.0/20");

    assertThat(range.contains(ip("10.0.16.0"))).isTrue();
    assertThat(range.contains(ip("10.0.20.5"))).isTrue();
    assertThat(range.contains(ip("10.0.31.255"))).isTrue();
    assertThat(range.contains(ip("10.0.15.255"))).isFalse();
    assertThat(range.contains(ip("10.0.32.0"))).isFalse();
  }

  @Test
  void shouldMaskTheBitsOfTheNetworkAddressBeyondThePrefix() {
    IpRange range = IpRange.parse("10.0.20.99/20");

    assertThat(range.contains(ip("10.0.16.0"))).isTrue();
    assertThat(range.contains(ip("10.0.31.255"))).isTrue();
    assertThat(range.contains(ip("10.0.32.0"))).isFalse();
  }

  @Test
  void shouldHandleAPrefixOfOneBit() {
    IpRange range = IpRange.parse("128.0.0.0/1");

    assertThat(range.contains(ip("128.0.0.0"))).isTrue();
    assertThat(range.contains(ip("255.255.255.255"))).isTrue();
    assertThat(range.contains(ip("127.255.255.255"))).isFalse();
  }

  @Test
  void shouldContainTheIpv6LoopbackInASlash128() {
    IpRange range = IpRange.parse("::1/128");

    assertThat(range.network()).hasSize(16);
    assertThat(range.contains(ip("::1"))).isTrue();
    assertThat(range.contains(ip("0:0:0:0:0:0:0:1"))).isTrue();
    assertThat(range.contains(ip("::2"))).isFalse();
    assertThat(range.contains(ip("127.0.0.1"))).isFalse();
  }

  @Test
  void shouldContainAddressesOfTheIpv6DocumentationRange() {
    IpRange range = IpRange.parse("2001:db8::/32");

    assertThat(range.contains(ip("2001:db8::1"))).isTrue();
    assertThat(range.contains(ip("2001:db8:ffff:ffff:ffff:ffff:ffff:ffff"))).isTrue();
    assertThat(range.contains(ip("2001:db9::1"))).isFalse();
    assertThat(range.contains(ip("2001:db7:ffff::1"))).isFalse();
  }

  @Test
  void shouldNotContainAnIpv4AddressInAnIpv6Range() {
    assertThat(IpRange.parse("::/0").contains(ip("192.0.2.1"))).isFalse();
    assertThat(IpRange.parse("2001:db8::/32").contains(ip("32.1.13.184"))).isFalse();
  }

  @Test
  void shouldAcceptSurroundingWhitespace() {
    assertThat(IpRange.parse(" 192.0.2.0/24 ").contains(ip("192.0.2.9"))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.0", "10.0.0.0/33", "::1/129", "10.0.0.0/-1", "example.com/24", "localhost/32",
      "10.0.0.0/x", "10.0.0.0/", "/24", "10.0.0.0/24/8", ""})
  void shouldRefuseWhatIsNotACidrRange(String cidr) {
    assertThatThrownBy(() -> IpRange.parse(cidr)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + cidr + "'");
  }

  @ParameterizedTest
  @NullSource
  void shouldRefuseNull(String cidr) {
    assertThatThrownBy(() -> IpRange.parse(cidr)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"cafe.de/24", "dead.beef/32", "face/8"})
  void shouldRefuseAHostNameMadeOfHexDigitsWithoutLookingItUp(String cidr) {
    assertThatThrownBy(() -> IpRange.parse(cidr)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a CIDR range");
  }

  @ParameterizedTest
  @ValueSource(strings = {"192.168.1/24", "10.1/16", "127.1/32"})
  void shouldRefuseAnIpv4AddressWithFewerThanFourParts(String cidr) {
    assertThatThrownBy(() -> IpRange.parse(cidr)).isInstanceOf(IllegalArgumentException.class);
  }
}
