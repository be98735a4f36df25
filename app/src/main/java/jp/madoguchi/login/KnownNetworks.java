package jp.madoguchi.login;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The networks an account signed in from lately (an IPv4 address, or the /64 of an IPv6 address).
 * An account's lock is meant for whoever guesses its password: from a network where it signed in
 * before, its person still gets in, so an outsider who keeps failing on purpose cannot shut a clerk
 * out of the town hall. The address's own lock still holds everywhere.
 */
@Component
class KnownNetworks {

  /** Literal IPv4 or IPv6 addresses only: nothing here may cause a DNS lookup. */
  private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.%]+");
  /** A success is written at most this often per account and network (a Basic client signs in at every request). */
  private static final Duration WRITE_EVERY = Duration.ofHours(1);
  private static final int MAX_ACCOUNT = 128;

  private final JdbcTemplate jdbc;
  private final LoginProperties properties;
  private final Clock clock;
  private final Map<String, Instant> written = new ConcurrentHashMap<>();

  KnownNetworks(JdbcTemplate jdbc, LoginProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.clock = clock;
  }

  boolean isKnown(String account, String address) {
    return !jdbc.queryForList("SELECT 1 FROM login_known_network WHERE account = ? AND network = ? AND last_success > ?",
        Integer.class, account(account), network(address), Timestamp.from(clock.instant().minus(properties.knownFor())))
        .isEmpty();
  }

  void signedIn(String account, String address) {
    Instant now = clock.instant();
    String network = network(address);
    String key = account(account) + ' ' + network;
    Instant last = written.get(key);
    if (last != null && last.isAfter(now.minus(WRITE_EVERY))) {
      return;
    }
    jdbc.update("""
        INSERT INTO login_known_network (account, network, last_success) VALUES (?, ?, ?)
        ON CONFLICT (account, network) DO UPDATE SET last_success = EXCLUDED.last_success""",
        account(account), network, Timestamp.from(now));
    written.put(key, now);
  }

  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT7M")
  void forgetOldNetworks() {
    Instant before = clock.instant().minus(properties.knownFor());
    jdbc.update("DELETE FROM login_known_network WHERE last_success < ?", Timestamp.from(before));
    written.values().removeIf(at -> at.isBefore(before));
  }

  static String network(String address) {
    if (address == null || !LITERAL.matcher(address).matches()) {
      return String.valueOf(address);
    }
    try {
      InetAddress parsed = InetAddress.getByName(address);
      if (parsed instanceof Inet4Address) { // also an IPv4-mapped IPv6 address
        return parsed.getHostAddress();
      }
      byte[] bytes = parsed.getAddress();
      StringBuilder prefix = new StringBuilder();
      for (int i = 0; i < 8; i += 2) {
        prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
      }
      return prefix.append(":/64").toString();
    } catch (UnknownHostException notALiteral) {
      return address;
    }
  }

  private static String account(String account) {
    return account.length() > MAX_ACCOUNT ? account.substring(0, MAX_ACCOUNT) : account;
  }
}
