package jp.madoguchi.attachment;

import java.util.Arrays;
import java.util.Optional;

/** The file types residents may attach, recognised by their first bytes, never by name or header. */
enum FileType {
  JPEG("image/jpeg", "jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
  PNG("image/png", "png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}),
  PDF("application/pdf", "pdf", new byte[] {'%', 'P', 'D', 'F', '-'});

  final String contentType;
  final String extension;
  private final byte[] magic;

  FileType(String contentType, String extension, byte[] magic) {
    this.contentType = contentType;
    this.extension = extension;
    this.magic = magic;
  }

  boolean isImage() {
    return this != PDF;
  }

  static Optional<FileType> detect(byte[] content) {
    return Arrays.stream(values())
        .filter(type -> content.length >= type.magic.length
            && Arrays.equals(content, 0, type.magic.length, type.magic, 0, type.magic.length))
        .findFirst();
  }
}
