package jp.madoguchi.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * Temporary data folders of benchmarks and drills, deleted with their backups folder when the test
 * JVM ends (a million applications leave 10 GB behind otherwise); {@code -Dbench.keepData=true}
 * keeps them for a look afterwards. When the JVM ends before a drill closed its apps (Ctrl-C), the
 * apps are stopped first, so none is left running on a deleted folder.
 */
public final class BenchmarkFolders {

  private static final List<Path> FOLDERS = new CopyOnWriteArrayList<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(BenchmarkFolders::cleanUp, "benchmark-folders"));
  }

  private BenchmarkFolders() {
  }

  public static Path create(String prefix) throws IOException {
    Path folder = Files.createTempDirectory(prefix);
    FOLDERS.add(folder);
    return folder;
  }

  private static void cleanUp() {
    AppProcess.closeAllStillRunning();
    if (Boolean.getBoolean("bench.keepData")) {
      return;
    }
    for (Path folder : FOLDERS) {
      delete(folder);
      delete(folder.resolveSibling(folder.getFileName() + "-backups"));
    }
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
