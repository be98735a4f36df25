package jp.madoguchi.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.concurrent.Semaphore;

import org.junit.jupiter.api.Test;

/** Images are checked from their header first, and decoded only a few at a time. */
class ImageSafetyTests {

  private final ImageSafety noTurnFree = new ImageSafety(new Semaphore(0), Duration.ZERO);

  @Test
  void shouldRefuseAnImageWhoseDecodedBytesAreTooManyFromItsHeaderAlone() {
    AttachmentRejectedException refused = catchThrowableOfType(AttachmentRejectedException.class,
        () -> noTurnFree.reencode(TestImages.png16BitRgba(6324, 6324, false), FileType.PNG));

    assertThat(refused.status()).as("refused before it waits for a turn to decode").isEqualTo(400);
    assertThat(refused.getMessage()).contains("画像のデータ量が大きすぎます", "8 bytes a pixel");
  }

  @Test
  void shouldAnswerBusyWithRetryAfterWhenNoTurnToDecodeIsFree() {
    AttachmentRejectedException refused = catchThrowableOfType(AttachmentRejectedException.class,
        () -> noTurnFree.reencode(TestImages.write(40, 30, "jpeg"), FileType.JPEG));

    assertThat(refused.status()).isEqualTo(503);
    assertThat(refused.answer().getHeaders().getFirst("Retry-After")).isEqualTo("5");
    assertThat(refused.getMessage()).contains("混み合っています");
  }

  @Test
  void shouldGiveTheTurnBackAfterADecode() {
    Semaphore turns = new Semaphore(1);
    ImageSafety images = new ImageSafety(turns, Duration.ZERO);

    images.reencode(TestImages.write(40, 30, "png"), FileType.PNG);
    AttachmentRejectedException unreadable = catchThrowableOfType(AttachmentRejectedException.class,
        () -> images.reencode(TestImages.png16BitRgba(64, 64, true), FileType.PNG));

    assertThat(unreadable.status()).isEqualTo(415);
    assertThat(turns.availablePermits()).isOne();
  }
}
