package jp.madoguchi.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The backup folder: {@code madoguchi-<JST time>.dump} ({@code pg_dump} custom format) with a
 * {@code .sha256} beside it in {@code sha256sum} format. A backup is written as {@code .partial} and
 * renamed when complete, so a file with the final name is always whole; {@code .partial} files a
 * crash left behind are deleted at start.
 */
final class BackupFolder {

  static final String SUFFIX = ".dump";
  static final String PARTIAL = ".partial";
  static final String CHECKSUM = ".sha256";
  private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'madoguchi-'yyyyMMdd-HHmmss-SSS")
      .withZone(ZoneId.of("Asia/Tokyo"));

  private final Path directory;

  BackupFolder(Path directory) {
    this.directory = directory;
  }

  Path directory() {
    return directory;
  }

  /** A new backup's final path; the tool writes {@link #partial(Path)} first. */
  Path newBackup(Instant now) throws IOException {
    if (!Files.isDirectory(directory)) {
      Files.createDirectories(directory);
      ownerOnly(directory, "rwx------");
    }
    return directory.resolve(NAME.format(now) + SUFFIX);
  }

  static Path partial(Path backup) {
    return backup.resolveSibling(backup.getFileName() + PARTIAL);
  }

  static Path checksumFile(Path backup) {
    return backup.resolveSibling(backup.getFileName() + CHECKSUM);
  }

  /** Makes the written {@code .partial} durable, writes its checksum, renames it; returns the SHA-256 (hex). */
  String complete(Path backup) throws IOException {
    Path partial = partial(backup);
    try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
    ownerOnly(partial, "rw-------");
    String sha256 = sha256(partial);
    Path checksum = checksumFile(backup);
    Files.writeString(checksum, sha256 + "  " + backup.getFileName() + "\n", StandardCharsets.US_ASCII);
    ownerOnly(checksum, "rw-------");
    Files.move(partial, backup, StandardCopyOption.ATOMIC_MOVE);
    try (FileChannel folder = FileChannel.open(directory, StandardOpenOption.READ)) {
      folder.force(true);
    } catch (IOException notSupported) {
      // some file systems cannot sync a directory; the rename is still atomic
    }
    return sha256;
  }

  /** Complete backups, newest first. */
  List<Path> backups() throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(file -> file.getFileName().toString().matches("madoguchi-\\d{8}-\\d{6}-\\d{3}\\.dump"))
          .sorted((a, b) -> b.getFileName().toString().compareTo(a.getFileName().toString())).toList();
    }
  }

  /** Complete backups, newest first: name, size, the SHA-256 recorded beside it. */
  List<Map<String, Object>> describe() throws IOException {
    List<Map<String, Object>> described = new ArrayList<>();
    for (Path backup : backups()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", backup.getFileName().toString());
      entry.put("bytes", Files.size(backup));
      entry.put("sha256", recordedSha256(backup));
      described.add(entry);
    }
    return described;
  }

  /** Deletes the oldest complete backups beyond {@code keep}; returns how many went. */
  int rotate(int keep) throws IOException {
    List<Path> all = backups();
    int deleted = 0;
    for (Path old : all.subList(Math.min(keep, all.size()), all.size())) {
      Files.deleteIfExists(checksumFile(old));
      Files.deleteIfExists(old);
      deleted++;
    }
    return deleted;
  }

  /** Deletes what an interrupted backup left ({@code .partial}); returns how many. */
  int deleteLeftovers() throws IOException {
    if (!Files.isDirectory(directory)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(directory)) {
      List<Path> partials = files.filter(file -> file.getFileName().toString().endsWith(SUFFIX + PARTIAL)).toList();
      for (Path partial : partials) {
        Files.deleteIfExists(partial);
      }
      return partials.size();
    }
  }

  static String sha256(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        digest.update(buffer, 0, read);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The SHA-256 recorded beside a backup, or {@code null} when there is no {@code .sha256} file. */
  static String recordedSha256(Path backup) throws IOException {
    Path checksum = checksumFile(backup);
    if (!Files.exists(checksum)) {
      return null;
    }
    String line = Files.readString(checksum, StandardCharsets.US_ASCII).strip();
    return line.split("\\s+")[0].toLowerCase();
  }

  private static void ownerOnly(Path path, String permissions) throws IOException {
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    } catch (UnsupportedOperationException notPosix) {
      // the folder's own permissions protect it
    }
  }
}
