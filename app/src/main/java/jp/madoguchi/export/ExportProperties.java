package jp.madoguchi.export;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param directory where finished exports wait for their download, sealed with the tenant's data key
 *     ({@code MADOGUCHI_DATA_DIR/exports} by default)
 * @param keep how long a finished export can be downloaded before its file is deleted
 * @param staleAfter a running export whose progress has not moved for this long is marked failed
 *     (its node stopped or crashed)
 * @param fetchSize rows read per round trip from a database cursor
 */
@ConfigurationProperties("madoguchi.export")
record ExportProperties(Path directory, Duration keep, Duration staleAfter, int fetchSize) {

  ExportProperties {
    keep = keep == null ? Duration.ofHours(24) : keep;
    staleAfter = staleAfter == null ? Duration.ofMinutes(5) : staleAfter;
    fetchSize = fetchSize <= 0 ? 500 : fetchSize;
  }
}
