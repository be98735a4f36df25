package jp.madoguchi.encryption;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * PostgreSQL's client tools. The embedded server's binaries do not include them; Debian's
 * {@code postgresql-client} (any version at least the server's, 14) does.
 */
final class PgTools {

  private PgTools() {
  }

  static String binary(String name) throws IOException {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    Path versions = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(versions)) {
      try (Stream<Path> installed = Files.list(versions)) {
        Optional<Path> newest = installed.map(version -> version.resolve("bin").resolve(name))
            .filter(Files::isExecutable)
            .max(Comparator.comparing(path -> Integer.parseInt(path.getParent().getParent().getFileName().toString())));
        if (newest.isPresent()) {
          return newest.get().toString();
        }
      }
    }
    throw new IllegalStateException(name + " is missing: install PostgreSQL's client tools, version 14 or newer "
        + "(Debian: apt-get install postgresql-client; .ci/run does)");
  }
}
