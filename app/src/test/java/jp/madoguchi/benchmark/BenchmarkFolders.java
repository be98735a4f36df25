package jp.madoguchi.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Temporary data folders of benchmarks and drills, deleted with their backups folder when the test
 * JVM ends (a million applications leave 10 GB behind otherwise); {@code -Dbench.keepData=true}
 * keeps them for a look afterwards.
 */
public final class BenchmarkFolders {

  private BenchmarkFolders() {
  }

  public static Path create(String prefix) throws IOException {
    Path folder = Files.createTempDirectory(prefix);
    if (!Boolean.getBoolean("bench.keepData")) {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        delete(folder);
        delete(folder.resolveSibling(folder.getFileName() + "-backups"));
      }, "delete-" + folder.getFileName()));
    }
    return folder;
  }

  private static void delete(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.deleteIfExists(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      System.err.println("Could not delete " + folder + ": " + e);
    }
  }
}
