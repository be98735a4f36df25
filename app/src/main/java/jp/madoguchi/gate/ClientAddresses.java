package jp.madoguchi.gate;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The address a request comes from. Tomcat's RemoteIpValve has already replaced the peer address
 * by the client's from {@code X-Forwarded-For} when (and only when) the peer is a trusted proxy
 * ({@code MADOGUCHI_TRUSTED_PROXIES}); anything else a client sends is not looked at.
 */
public final class ClientAddresses {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:]*:[0-9a-fA-F:.]*(%[0-9a-zA-Z]+)?");

  private ClientAddresses() {
  }

  /** The client's address as text, as the server sees it. */
  public static String of(HttpServletRequest request) {
    return request.getRemoteAddr();
  }

  /** The client's address, if it is an IP literal (never a name: that would be looked up). */
  static Optional<InetAddress> parse(String address) {
    if (address == null || !(IPV4.matcher(address).matches() || IPV6.matcher(address).matches())) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(address));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}
