package jp.madoguchi.retention;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The sweep's schedule is {@code madoguchi.retention.sweep-cron} (read by {@code @Scheduled}).
 *
 * @param unsubmittedFilesKept how long a file a resident uploaded but never submitted with an
 *     application is kept
 */
@ConfigurationProperties("madoguchi.retention")
record RetentionProperties(Duration unsubmittedFilesKept) {

  RetentionProperties {
    unsubmittedFilesKept = unsubmittedFilesKept == null ? Duration.ofDays(7) : unsubmittedFilesKept;
  }
}
