package jp.madoguchi.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * PostgreSQL's client tools ({@code pg_dump}, {@code pg_restore}). The embedded server's binaries
 * (zonky) hold only {@code initdb}, {@code pg_ctl} and {@code postgres}; Debian's
 * {@code postgresql-client} has the tools. A tool must be at least the server's major version.
 */
final class PgClientTools {

  private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)");
  private static final Path DEBIAN = Path.of("/usr/lib/postgresql");

  private PgClientTools() {
  }

  /** The tool, or why it cannot be used with a server of {@code serverMajor}. */
  record Tool(Path path, int major, String problem) {

    boolean usable() {
      return problem == null;
    }
  }

  static Tool find(String name, String pgBin, int serverMajor) {
    Optional<Path> path = locate(name, pgBin);
    if (path.isEmpty()) {
      return new Tool(null, 0, name + " was not found " + (pgBin.isEmpty() ? "on PATH or in " + DEBIAN
          : "in MADOGUCHI_PG_BIN " + pgBin) + ": install PostgreSQL's client tools, version " + serverMajor
          + " or newer (Debian/Ubuntu: apt-get install postgresql-client), or set MADOGUCHI_PG_BIN to their folder");
    }
    int major = major(path.get());
    if (major < serverMajor) {
      return new Tool(path.get(), major, path.get() + " is version " + major + ", older than the database server ("
          + serverMajor + "): install PostgreSQL's client tools " + serverMajor + " or newer, or set MADOGUCHI_PG_BIN");
    }
    return new Tool(path.get(), major, null);
  }

  private static Optional<Path> locate(String name, String pgBin) {
    if (!pgBin.isEmpty()) {
      return executable(Path.of(pgBin, name));
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && executable(Path.of(dir, name)).isPresent()) {
        return Optional.of(Path.of(dir, name));
      }
    }
    if (!Files.isDirectory(DEBIAN)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(DEBIAN)) {
      return versions.filter(version -> version.getFileName().toString().matches("\\d+"))
          .max(Comparator.comparingInt(version -> Integer.parseInt(version.getFileName().toString())))
          .flatMap(version -> executable(version.resolve("bin").resolve(name)));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static Optional<Path> executable(Path candidate) {
    return Files.isExecutable(candidate) ? Optional.of(candidate) : Optional.empty();
  }

  /** {@code pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)} → 15; 0 when it does not say. */
  private static int major(Path tool) {
    try {
      Process process = new ProcessBuilder(tool.toString(), "--version").redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return 0;
      }
      Matcher matcher = VERSION.matcher(output);
      return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }
}
