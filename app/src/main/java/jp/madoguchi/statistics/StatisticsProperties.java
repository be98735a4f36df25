package jp.madoguchi.statistics;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the usage statistics.
 *
 * @param returnedStatus the residentStatus word that marks a return for correction (差戻し)
 * @param withdrawnStatus the residentStatus word of an application that ended withdrawn (取下げ)
 * @param maxDays the longest period one request may ask for
 */
@ConfigurationProperties("madoguchi.statistics")
record StatisticsProperties(String returnedStatus, String withdrawnStatus, int maxDays) {
}
