package jp.madoguchi.attachment;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What protects the node from uploads that are expensive to check: decoding a photo takes up to
 * {@link ImageSafety#MAX_DECODED_BYTES} of memory and a second or more of CPU.
 *
 * @param imageDecodes images decoded at the same time on this node
 * @param imageDecodeWait how long an upload waits for a turn to be decoded before it gets 503
 * @param refusedPerHour uploads of one resident refused for their content (unreadable, too large) in
 *     an hour; beyond that the resident's uploads get 429 until the hour is over
 */
@ConfigurationProperties("madoguchi.attachment")
record UploadLimits(int imageDecodes, Duration imageDecodeWait, int refusedPerHour) {

  UploadLimits {
    if (imageDecodes < 1 || imageDecodeWait == null || imageDecodeWait.isNegative() || refusedPerHour < 1) {
      throw new IllegalArgumentException("madoguchi.attachment: image-decodes >= 1, image-decode-wait >= 0, "
          + "refused-per-hour >= 1");
    }
  }
}
