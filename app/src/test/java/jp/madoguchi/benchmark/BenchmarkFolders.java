package jp.madoguchi.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jp.madoguchi.TestFolders;

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
      TestFolders.delete(folder);
      TestFolders.delete(folder.resolveSibling(folder.getFileName() + "-backups"));
    }
  }
}
