package jp.madoguchi.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class AesGcmTests {

  private static final String OWNER = "tenant:demo/resident.phone";
  private static final byte[] PLAINTEXT = "090-1234-5678 デモ市中央1-2-3".getBytes(StandardCharsets.UTF_8);

  private final byte[] key = AesGcm.newKey();
  private final AesGcm aes = new AesGcm(key);

  @Test
  void shouldDecryptWhatItEncrypted() {
    byte[] ciphertext = aes.encrypt(PLAINTEXT, OWNER);

    assertThat(aes.decrypt(ciphertext, OWNER)).isEqualTo(PLAINTEXT);
  }

  @Test
  void shouldUseTheDocumentedLayout() {
    byte[] ciphertext = aes.encrypt(PLAINTEXT, OWNER);

    // version(1) | nonce(12) | data | tag(16)
    assertThat(ciphertext).hasSize(1 + 12 + PLAINTEXT.length + 16);
    assertThat(ciphertext[0]).isEqualTo((byte) 1);
  }

  @Test
  void shouldRoundTripAnEmptyPlaintext() {
    byte[] ciphertext = aes.encrypt(new byte[0], OWNER);

    assertThat(ciphertext).hasSize(1 + 12 + 16);
    assertThat(aes.decrypt(ciphertext, OWNER)).isEmpty();
  }

  @Test
  void shouldRoundTripText() {
    String ciphertext = aes.encryptText("山田 太郎", OWNER);

    assertThat(ciphertext).doesNotContain("山田");
    assertThat(aes.decryptText(ciphertext, OWNER)).isEqualTo("山田 太郎");
  }

  @Test
  void shouldDecryptWithAnotherInstanceOfTheSameKey() {
    byte[] ciphertext = aes.encrypt(PLAINTEXT, OWNER);

    assertThat(new AesGcm(key.clone()).decrypt(ciphertext, OWNER)).isEqualTo(PLAINTEXT);
  }

  @Test
  void shouldGiveADifferentCiphertextEachTime() {
    byte[] first = aes.encrypt(PLAINTEXT, OWNER);
    byte[] second = aes.encrypt(PLAINTEXT, OWNER);

    assertThat(first).isNotEqualTo(second);
    assertThat(Arrays.copyOfRange(first, 1, 13)).isNotEqualTo(Arrays.copyOfRange(second, 1, 13));
    assertThat(aes.decrypt(first, OWNER)).isEqualTo(aes.decrypt(second, OWNER)).isEqualTo(PLAINTEXT);
  }

  @Test
  void shouldRefuseTheWrongAssociatedData() {
    byte[] ciphertext = aes.encrypt(PLAINTEXT, OWNER);

    assertThatThrownBy(() -> aes.decrypt(ciphertext, "tenant:other/resident.phone"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> aes.decrypt(ciphertext, ""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldRefuseAFlippedByteAnywhereAfterTheVersion() {
    byte[] ciphertext = aes.encrypt(PLAINTEXT, OWNER);

    for (int i = 1; i < ciphertext.length; i++) {
      byte[] tampered = ciphertext.clone();
      tampered[i] ^= 0x01;
      int position = i;
      assertThatThrownBy(() -> aes.decrypt(tampered, OWNER))
          .as("flipped byte %d", position)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void shouldKeepWorkingOnTheSameThreadAfterARefusalAndWithOtherKeys() {
    byte[] ciphertext = aes.encrypt(PLAINTEXT, OWNER);
    byte[] tampered = ciphertext.clone();
    tampered[tampered.length - 1] ^= 0x01;
    assertThatThrownBy(() -> aes.decrypt(tampered, OWNER)).isInstanceOf(IllegalArgumentException.class);
    AesGcm other = new AesGcm(AesGcm.newKey());
    byte[] others = other.encrypt(PLAINTEXT, OWNER);

    assertThat(aes.decrypt(ciphertext, OWNER)).isEqualTo(PLAINTEXT);
    assertThat(other.decrypt(others, OWNER)).isEqualTo(PLAINTEXT);
    assertThat(aes.decrypt(aes.encrypt(PLAINTEXT, OWNER), OWNER)).isEqualTo(PLAINTEXT);
    assertThatThrownBy(() -> aes.decrypt(others, OWNER)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldRefuseAnUnknownVersion() {
    byte[] ciphertext = aes.encrypt(PLAINTEXT, OWNER);
    ciphertext[0] = 2;

    assertThatThrownBy(() -> aes.decrypt(ciphertext, OWNER)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Not a Madoguchi ciphertext");
  }

  @Test
  void shouldRefuseTheWrongKey() {
    byte[] ciphertext = aes.encrypt(PLAINTEXT, OWNER);
    AesGcm other = new AesGcm(AesGcm.newKey());

    assertThatThrownBy(() -> other.decrypt(ciphertext, OWNER)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldRefuseAKeyOfTheWrongLength() {
    assertThatThrownBy(() -> new AesGcm(new byte[16])).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32-byte");
    assertThatThrownBy(() -> new AesGcm(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AesGcm(new byte[33])).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AesGcm(new byte[0])).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldNotBeAffectedByChangesToTheKeyArrayAfterConstruction() {
    byte[] mutable = AesGcm.newKey();
    AesGcm cipher = new AesGcm(mutable);
    byte[] ciphertext = cipher.encrypt(PLAINTEXT, OWNER);

    Arrays.fill(mutable, (byte) 0);

    assertThat(cipher.decrypt(ciphertext, OWNER)).isEqualTo(PLAINTEXT);
  }

  @Test
  void shouldMakeRandom32ByteKeys() {
    assertThat(AesGcm.newKey()).hasSize(AesGcm.KEY_BYTES).isNotEqualTo(AesGcm.newKey());
  }

  @Test
  void shouldRefuseGarbageAndTooShortInput() {
    assertThatThrownBy(() -> aes.decrypt(new byte[0], OWNER)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> aes.decrypt(new byte[] {1}, OWNER)).isInstanceOf(IllegalArgumentException.class);
    // one byte shorter than version + nonce + tag
    byte[] tooShort = new byte[1 + 12 + 15];
    tooShort[0] = 1;
    assertThatThrownBy(() -> aes.decrypt(tooShort, OWNER)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Not a Madoguchi ciphertext");
    // long enough and the right version, but not sealed with this key
    byte[] garbage = "this is not a ciphertext at all, just some text".getBytes(StandardCharsets.UTF_8);
    garbage[0] = 1;
    assertThatThrownBy(() -> aes.decrypt(garbage, OWNER)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldRefuseATruncatedCiphertext() {
    byte[] ciphertext = aes.encrypt(PLAINTEXT, OWNER);

    assertThatThrownBy(() -> aes.decrypt(Arrays.copyOf(ciphertext, ciphertext.length - 1), OWNER))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldRefuseGarbageText() {
    assertThatThrownBy(() -> aes.decryptText("not base64!", OWNER)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> aes.decryptText(Base64.getEncoder().encodeToString(new byte[40]), OWNER))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
