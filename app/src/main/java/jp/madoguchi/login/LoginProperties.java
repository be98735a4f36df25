package jp.madoguchi.login;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Login throttling: after {@code accountFreeFailures} failed sign-ins of one account name (or
 * {@code addressFreeFailures} from one address, whatever the account), further attempts are
 * refused for {@code firstLock}, doubling with every further failure up to {@code maxLock}.
 * Failures are forgotten {@code forgetAfter} after the last one. An account's lock does not apply on a
 * network it signed in from within {@code knownFor}.
 */
@ConfigurationProperties("madoguchi.login")
record LoginProperties(int accountFreeFailures, int addressFreeFailures, Duration firstLock, Duration maxLock,
    Duration forgetAfter, Duration knownFor) {

  LoginProperties {
    accountFreeFailures = accountFreeFailures <= 0 ? 5 : accountFreeFailures;
    addressFreeFailures = addressFreeFailures <= 0 ? 30 : addressFreeFailures;
    firstLock = firstLock == null ? Duration.ofMinutes(1) : firstLock;
    maxLock = maxLock == null ? Duration.ofHours(1) : maxLock;
    forgetAfter = forgetAfter == null ? Duration.ofHours(24) : forgetAfter;
    knownFor = knownFor == null ? Duration.ofDays(30) : knownFor;
  }

  /** How long the lock lasts after the given number of consecutive failures; zero = no lock yet. */
  Duration lockAfter(int failures, int freeFailures) {
    if (failures < freeFailures) {
      return Duration.ZERO;
    }
    int doublings = Math.min(failures - freeFailures, 30);
    Duration lock = firstLock.multipliedBy(1L << doublings);
    return lock.compareTo(maxLock) > 0 ? maxLock : lock;
  }
}
