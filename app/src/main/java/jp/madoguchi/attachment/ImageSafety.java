package jp.madoguchi.attachment;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.SampleModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;


/**
 * Checks an image's size from its header before decoding it (a small file may claim billions of
 * pixels, or 8 bytes a pixel: a 311 KB PNG of 16-bit RGBA decodes to 320 MB), then re-encodes it:
 * what is stored is pixels only, without EXIF (no GPS position of the resident's home) or anything
 * hidden behind the image data. Only a few images are decoded at once on a node
 * ({@link AttachmentConfiguration}).
 */
class ImageSafety {

  /** The largest photos phones take (48 MP) pass. */
  static final long MAX_PIXELS = 50_000_000L;
  static final int MAX_SIDE = 12_000;
  /** A 50 MP photo of 8-bit RGB (3 bytes a pixel); the memory one decode may take. */
  static final long MAX_DECODED_BYTES = 150_000_000L;
  static final int BUSY_RETRY_AFTER_SECONDS = 5;

  private final Semaphore decodes;
  private final Duration decodeWait;

  ImageSafety(Semaphore decodes, Duration decodeWait) {
    this.decodes = decodes;
    this.decodeWait = decodeWait;
  }

  byte[] reencode(byte[] content, FileType type) {
    try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
      if (!readers.hasNext()) {
        throw unreadable();
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(input, true, true);
        checkSize(reader, type);
        awaitTurn();
        try {
          BufferedImage image = reader.read(0);
          return write(type == FileType.PNG ? image : withoutAlpha(image), type == FileType.JPEG ? "jpeg" : "png");
        } finally {
          decodes.release();
        }
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof AttachmentRejectedException rejected) {
        throw rejected;
      }
      // also an OutOfMemoryError in the decoder: the PNG reader rethrows it as an IIOException
      throw unreadable();
    }
  }

  private static void checkSize(ImageReader reader, FileType type) throws IOException {
    long width = reader.getWidth(0);
    long height = reader.getHeight(0);
    if (width <= 0 || height <= 0 || width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS) {
      throw new AttachmentRejectedException(400, "画像が大きすぎます。5,000万画素以下にしてください (image too large: "
          + width + "×" + height + ")");
    }
    // read(0) decodes into the reader's first image type; a JPEG that is not RGB is copied once more
    ImageTypeSpecifier decoded = reader.getImageTypes(0).next();
    long bytesPerPixel = bytesPerPixel(decoded.getSampleModel(1, 1))
        + (type == FileType.JPEG && !writableAsJpeg(decoded.getBufferedImageType()) ? 4 : 0);
    if (width * height * bytesPerPixel > MAX_DECODED_BYTES) {
      throw new AttachmentRejectedException(400, "画像のデータ量が大きすぎます。画素数を減らすか、写真を JPEG で保存し直してください "
          + "(image too large when decoded: " + width + "×" + height + ", " + bytesPerPixel + " bytes a pixel)");
    }
  }

  private static long bytesPerPixel(SampleModel model) {
    return (model.getNumDataElements() * (long) DataBuffer.getDataTypeSize(model.getDataType()) + 7) / 8;
  }

  private void awaitTurn() {
    try {
      if (decodes.tryAcquire(decodeWait.toMillis(), TimeUnit.MILLISECONDS)) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new AttachmentRejectedException(503, "ただいま添付ファイルの処理が混み合っています。しばらくしてから、もう一度送ってください "
        + "(busy decoding other images; try again shortly)", BUSY_RETRY_AFTER_SECONDS);
  }

  private static AttachmentRejectedException unreadable() {
    return new AttachmentRejectedException(415, "画像を読み取れません (unreadable image)");
  }

  private static boolean writableAsJpeg(int imageType) {
    return imageType == BufferedImage.TYPE_INT_RGB || imageType == BufferedImage.TYPE_3BYTE_BGR
        || imageType == BufferedImage.TYPE_BYTE_GRAY;
  }

  private static BufferedImage withoutAlpha(BufferedImage image) {
    if (writableAsJpeg(image.getType())) {
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
