package jp.madoguchi.attachment;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Checks an image's size from its header before decoding it (a small file may claim billions of
 * pixels), then re-encodes it: what is stored is pixels only, without EXIF (no GPS position of the
 * resident's home) or anything hidden behind the image data.
 */
final class ImageSafety {

  static final long MAX_PIXELS = 40_000_000L;
  static final int MAX_SIDE = 12_000;

  private ImageSafety() {
  }

  static byte[] reencode(byte[] content, FileType type) {
    try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
      if (!readers.hasNext()) {
        throw new AttachmentRejectedException(415, "画像を読み取れません (unreadable image)");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(input, true, true);
        long width = reader.getWidth(0);
        long height = reader.getHeight(0);
        if (width <= 0 || height <= 0 || width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS) {
          throw new AttachmentRejectedException(400, "画像が大きすぎます。4,000万画素以下にしてください (image too large: "
              + width + "×" + height + ")");
        }
        BufferedImage image = reader.read(0);
        return write(type == FileType.PNG ? image : withoutAlpha(image), type.extension.equals("jpg") ? "jpeg" : "png");
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof AttachmentRejectedException rejected) {
        throw rejected;
      }
      throw new AttachmentRejectedException(415, "画像を読み取れません (unreadable image)");
    }
  }

  private static BufferedImage withoutAlpha(BufferedImage image) {
    if (image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
      return image;
    }
    BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    rgb.createGraphics().drawImage(image, 0, 0, java.awt.Color.WHITE, null);
    return rgb;
  }

  private static byte[] write(BufferedImage image, String format) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (!ImageIO.write(image, format, out)) {
      throw new IOException("no " + format + " writer");
    }
    return out.toByteArray();
  }
}
