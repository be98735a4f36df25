package jp.madoguchi.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jp.madoguchi.TestFolders;

/**
 * Temporary data folders of benchmarks and drills, deleted with their backups folder when the test
 * JVM ends ({@link TestFolders}; a million applications leave 10 GB behind otherwise);
 * {@code -Dbench.keepData=true} keeps them for a look afterwards.
 */
public final class BenchmarkFolders {

  private BenchmarkFolders() {
  }

  public static Path create(String prefix) throws IOException {
    return Boolean.getBoolean("bench.keepData") ? Files.createTempDirectory(prefix) : TestFolders.create(prefix);
  }
}
