package jp.madoguchi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.springframework.util.FileSystemUtils;

/**
 * Temporary folders of tests (the data folders of the apps and databases they start, with the
 * backups folder beside each), deleted when the test JVM ends: a full run left about 1 GB in the
 * temporary folder otherwise. The Spring contexts, and with them their embedded PostgreSQL, are
 * closed by their own shutdown hook at the same time, so a folder is deleted once no server runs in
 * it any more; one whose server still runs after {@link #SERVER_STOP} is left as it is.
 */
public final class TestFolders {

  private static final Duration SERVER_STOP = Duration.ofSeconds(20);
  private static final List<Path> FOLDERS = new CopyOnWriteArrayList<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(TestFolders::deleteAll, "delete-test-folders"));
  }

  private TestFolders() {
  }

  public static Path create(String prefix) throws IOException {
    Path folder = Files.createTempDirectory(prefix);
    FOLDERS.add(folder);
    return folder;
  }

  private static void delete(Path folder) {
    try {
      FileSystemUtils.deleteRecursively(folder);
    } catch (IOException e) {
      System.err.println("Could not delete " + folder + ": " + e);
    }
  }

  private static void deleteAll() {
    long deadline = System.nanoTime() + SERVER_STOP.toNanos();
    for (Path folder : FOLDERS) {
      while (serverRunsIn(folder) && System.nanoTime() < deadline) {
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          return;
        }
      }
      if (!serverRunsIn(folder)) {
        delete(folder);
        delete(folder.resolveSibling(folder.getFileName() + "-backups"));
      }
    }
  }

  /** A PostgreSQL whose postmaster.pid names a live process. */
  private static boolean serverRunsIn(Path folder) {
    if (!Files.isDirectory(folder)) {
      return false;
    }
    try (Stream<Path> paths = Files.walk(folder, 3)) {
      return paths.filter(path -> path.getFileName().toString().equals("postmaster.pid")).anyMatch(TestFolders::alive);
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  private static boolean alive(Path pidFile) {
    try (Stream<String> lines = Files.lines(pidFile)) {
      return lines.findFirst().map(String::strip).map(Long::parseLong)
          .flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false);
    } catch (IOException | UncheckedIOException | NumberFormatException e) {
      return false;
    }
  }
}
