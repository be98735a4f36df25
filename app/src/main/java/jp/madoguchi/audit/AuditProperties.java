package jp.madoguchi.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param accessLog whether requests are logged at all (off only to measure what logging costs)
 * @param queueCapacity entries waiting for the writer; when full, a request waits up to
 *     {@code enqueueTimeout}, then its entry is counted as lost (and the loss is logged in the chain)
 * @param batchSize entries written in one transaction per tenant
 * @param retentionCron when entries older than each tenant's retention are removed
 */
@ConfigurationProperties("madoguchi.audit")
record AuditProperties(Boolean accessLog, int queueCapacity, int batchSize, Duration enqueueTimeout,
    String retentionCron) {

  AuditProperties {
    accessLog = accessLog == null || accessLog;
    queueCapacity = queueCapacity <= 0 ? 100_000 : queueCapacity;
    batchSize = batchSize <= 0 ? 1_000 : batchSize;
    enqueueTimeout = enqueueTimeout == null ? Duration.ofSeconds(2) : enqueueTimeout;
    retentionCron = retentionCron == null ? "0 30 3 * * *" : retentionCron;
  }
}
