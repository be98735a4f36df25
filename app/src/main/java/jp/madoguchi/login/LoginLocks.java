package jp.madoguchi.login;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Failed sign-ins per account name and per client address, kept in the database so that every
 * node of a cluster counts the same failures and an administrator can see and lift a lock.
 * Account names are counted whether or not such an account exists, so a lock says nothing about
 * which accounts exist; but a name that no account can have (outside the engine's pattern for user
 * ids) is not written down: a password typed into the name field, which always has an upper-case
 * letter, is never kept. Its failure counts for the address. An account's lock does not hold on a
 * network it signed in from lately ({@link KnownNetworks}); an address's lock holds everywhere.
 */
@Component
public class LoginLocks {

  static final String ACCOUNT = "ACCOUNT";
  static final String ADDRESS = "ADDRESS";
  private static final int MAX_SUBJECT = 128;

  private final JdbcTemplate jdbc;
  private final LoginProperties properties;
  private final Clock clock;
  private final KnownNetworks networks;
  private final AccountNames accountNames;

  LoginLocks(JdbcTemplate jdbc, LoginProperties properties, Clock clock, KnownNetworks networks,
      AccountNames accountNames) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.clock = clock;
    this.networks = networks;
    this.accountNames = accountNames;
  }

  /** Where an attempt stands before the password is checked. */
  public State state(String account, String address) {
    Instant now = clock.instant();
    State state = new State(null, false);
    for (var row : jdbc.queryForList("SELECT kind, locked_until FROM login_lock "
        + "WHERE (kind = 'ACCOUNT' AND subject = ?) OR (kind = 'ADDRESS' AND subject = ?)",
        subject(account), subject(address))) {
      Instant until = row.get("locked_until") == null ? null : ((Timestamp) row.get("locked_until")).toInstant();
      boolean locked = until != null && until.isAfter(now);
      if (ACCOUNT.equals(row.get("kind"))) {
        boolean holds = locked && !networks.isKnown(subject(account), address);
        state = new State(holds ? later(state.lockedUntil, until) : state.lockedUntil, true);
      } else if (locked) {
        state = new State(later(state.lockedUntil, until), state.accountHasFailures);
      }
    }
    return state;
  }

  @Transactional
  public void failed(String account, String address) {
    if (accountNames.possible(account)) {
      fail(ACCOUNT, account, properties.accountFreeFailures());
    }
    fail(ADDRESS, address, properties.addressFreeFailures());
  }

  private void fail(String kind, String subject, int freeFailures) {
    Timestamp now = Timestamp.from(clock.instant());
    Timestamp forgetBefore = Timestamp.from(clock.instant().minus(properties.forgetAfter()));
    Integer failures = jdbc.queryForObject("""
        INSERT INTO login_lock (kind, subject, failures, last_failure) VALUES (?, ?, 1, ?)
        ON CONFLICT (kind, subject) DO UPDATE SET
          failures = CASE WHEN login_lock.last_failure < ? THEN 1 ELSE login_lock.failures + 1 END,
          last_failure = EXCLUDED.last_failure
        RETURNING failures""", Integer.class, kind, subject(subject), now, forgetBefore);
    Duration lock = properties.lockAfter(failures, freeFailures);
    if (!lock.isZero()) {
      jdbc.update("UPDATE login_lock SET locked_until = ? WHERE kind = ? AND subject = ?",
          Timestamp.from(clock.instant().plus(lock)), kind, subject(subject));
    }
  }

  /**
   * The account signed in with its password: its failures are forgotten (an address's are not, they
   * only age), and the network it came from is known to it from now on.
   */
  public void succeeded(String account, String address, State before) {
    if (before.accountHasFailures()) {
      lift(account);
    }
    networks.signedIn(subject(account), address);
  }

  /** Lifts an account's lock and forgets its failures. */
  public void lift(String account) {
    jdbc.update("DELETE FROM login_lock WHERE kind = 'ACCOUNT' AND subject = ?", subject(account));
  }

  /**
   * Lifts the locks and forgets the failures of the addresses that are the one meant, however it
   * was written (an IPv6 address has several spellings; a lock holds the one the request came with).
   *
   * @return how many addresses' records were removed
   */
  public int liftAddresses(Predicate<String> sameAddress) {
    List<String> matching = jdbc.queryForList("SELECT subject FROM login_lock WHERE kind = 'ADDRESS'", String.class)
        .stream().filter(sameAddress).toList();
    return matching.isEmpty() ? 0 : jdbc.update(con -> {
      var statement = con.prepareStatement("DELETE FROM login_lock WHERE kind = 'ADDRESS' AND subject = ANY (?)");
      statement.setArray(1, con.createArrayOf("text", matching.toArray()));
      return statement;
    });
  }

  /** The accounts of the list that are locked now, with the end of each lock. */
  public Map<String, Instant> lockedAccounts(Collection<String> accounts) {
    Map<String, Instant> locked = new HashMap<>();
    if (accounts.isEmpty()) {
      return locked;
    }
    jdbc.query(con -> {
      var statement = con.prepareStatement("SELECT subject, locked_until FROM login_lock "
          + "WHERE kind = 'ACCOUNT' AND subject = ANY (?) AND locked_until > ?");
      statement.setArray(1, con.createArrayOf("text", accounts.toArray()));
      statement.setTimestamp(2, Timestamp.from(clock.instant()));
      return statement;
    }, rs -> {
      locked.put(rs.getString(1), rs.getTimestamp(2).toInstant());
    });
    return locked;
  }

  /** The end of an account's lock, if it is locked now. */
  public Optional<Instant> lockedUntil(String account) {
    return Optional.ofNullable(lockedAccounts(List.of(account)).get(account));
  }

  /** Addresses locked now, with the end of each lock (for operators). */
  public Map<String, Instant> lockedAddresses() {
    Map<String, Instant> locked = new HashMap<>();
    jdbc.query("SELECT subject, locked_until FROM login_lock WHERE kind = 'ADDRESS' AND locked_until > ?",
        rs -> {
          locked.put(rs.getString(1), rs.getTimestamp(2).toInstant());
        }, Timestamp.from(clock.instant()));
    return locked;
  }

  /** Failures that are forgotten and locks that are over take no room. */
  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
  void forgetOldFailures() {
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.update("DELETE FROM login_lock WHERE last_failure < ? AND (locked_until IS NULL OR locked_until < ?)",
        Timestamp.from(clock.instant().minus(properties.forgetAfter())), now);
  }

  private static String subject(String value) {
    String subject = value == null ? "" : value;
    return subject.length() > MAX_SUBJECT ? subject.substring(0, MAX_SUBJECT) : subject;
  }

  private static Instant later(Instant a, Instant b) {
    return a == null || b.isAfter(a) ? b : a;
  }

  /** @param lockedUntil null when neither the account nor the address is locked now */
  public record State(Instant lockedUntil, boolean accountHasFailures) {
  }
}
