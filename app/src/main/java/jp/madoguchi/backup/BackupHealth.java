package jp.madoguchi.backup;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code backup} part of {@code /actuator/health}: always UP (a node without backups still serves
 * residents, so a load balancer must not take it out), with what keeps backups from being taken
 * and the last success and failure as details (shown where health details are enabled).
 */
@Component("backupHealthIndicator")
class BackupHealth implements HealthIndicator {

  private final DatabaseBackups backups;

  BackupHealth(DatabaseBackups backups) {
    this.backups = backups;
  }

  @Override
  public Health health() {
    Health.Builder health = Health.up();
    try {
      backups.unavailable().ifPresent(problem -> health.withDetail("problem", problem));
    } catch (RuntimeException databaseDown) {
      health.withDetail("problem", "the database does not answer");
    }
    backups.lastSuccess().ifPresent(success -> health.withDetail("lastBackup", success.name())
        .withDetail("lastBackupAt", success.finishedAt().toString()));
    backups.lastFailure().ifPresent(failure -> health.withDetail("lastFailure", failure.message())
        .withDetail("lastFailureAt", failure.at().toString()));
    return health.build();
  }
}
