package jp.madoguchi.attachment;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import javax.imageio.ImageIO;

/** Images for upload tests, written chunk by chunk where ImageIO would not write them. */
final class TestImages {

  private TestImages() {
  }

  /**
   * A black 16-bit RGBA PNG (8 bytes a pixel): 6324×6324 is 311 KB of deflated zeros that decode to
   * 320 MB. Truncated, it lacks its last row, which the decoder notices only at the end.
   */
  static byte[] png16BitRgba(int width, int height, boolean truncated) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
    chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height)
        .put((byte) 16).put((byte) 6).put((byte) 0).put((byte) 0).put((byte) 0).array());
    ByteArrayOutputStream pixels = new ByteArrayOutputStream();
    try (DeflaterOutputStream deflated = new DeflaterOutputStream(pixels, new Deflater(Deflater.BEST_COMPRESSION))) {
      byte[] row = new byte[1 + width * 8]; // filter type 0, then the pixels
      for (int y = 0; y < (truncated ? height - 1 : height); y++) {
        deflated.write(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    chunk(out, "IDAT", pixels.toByteArray());
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  static byte[] write(int width, int height, String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR), format, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    try {
      DataOutputStream chunk = new DataOutputStream(out);
      chunk.writeInt(data.length);
      chunk.write(name);
      chunk.write(data);
      chunk.writeInt((int) crc.getValue());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
