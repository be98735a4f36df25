package jp.madoguchi.export;

import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The ZIP being written, one entry at a time, with the SHA-256 and size of every entry for the
 * manifest. Entry names are made here from safe parts only (a resident's file name cannot add a
 * folder or climb out of one).
 */
final class ExportZip implements Closeable {

  private final ZipOutputStream zip;
  private final List<ManifestFile> files = new ArrayList<>();

  record ManifestFile(String path, long size, String sha256) {
  }

  ExportZip(OutputStream target) {
    this.zip = new ZipOutputStream(target);
  }

  /** A stream for one entry; closing it ends the entry (not the ZIP). */
  OutputStream entry(String path) throws IOException {
    zip.putNextEntry(new ZipEntry(path));
    MessageDigest digest = sha256();
    return new FilterOutputStream(zip) {
      private long size;
      private boolean closed;

      @Override
      public void write(int b) throws IOException {
        zip.write(b);
        digest.update((byte) b);
        size++;
      }

      @Override
      public void write(byte[] bytes, int offset, int length) throws IOException {
        zip.write(bytes, offset, length);
        digest.update(bytes, offset, length);
        size += length;
      }

      @Override
      public void close() throws IOException {
        if (!closed) {
          closed = true;
          zip.closeEntry();
          files.add(new ManifestFile(path, size, HexFormat.of().formatHex(digest.digest())));
        }
      }
    };
  }

  void file(String path, byte[] content) throws IOException {
    try (OutputStream out = entry(path)) {
      out.write(content);
    }
  }

  /** Written after the manifest was made: not listed in it (the manifest itself, its signature). */
  void unlisted(String path, byte[] content) throws IOException {
    zip.putNextEntry(new ZipEntry(path));
    zip.write(content);
    zip.closeEntry();
  }

  List<ManifestFile> files() {
    return List.copyOf(files);
  }

  @Override
  public void close() throws IOException {
    zip.close();
  }

  /** A name part for a ZIP entry: no folder separators, no dot-only names, no control characters. */
  static String safeName(String name) {
    String cleaned = name == null ? "" : name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
    cleaned = cleaned.length() > 120 ? cleaned.substring(cleaned.length() - 120) : cleaned;
    return cleaned.isEmpty() || cleaned.chars().allMatch(c -> c == '.') ? "file" : cleaned;
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
