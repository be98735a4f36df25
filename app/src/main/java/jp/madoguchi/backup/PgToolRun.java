package jp.madoguchi.backup;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code pg_dump} or {@code pg_restore} against the embedded PostgreSQL on 127.0.0.1. The
 * password reaches the tool in a password file of its own ({@code PGPASSFILE}, owner-only, deleted
 * afterwards): never on its command line, where every user of the machine could read it, and never
 * in a log. Only the end of the tool's output is kept, for the error message.
 */
final class PgToolRun {

  private static final int OUTPUT_TAIL = 2_000;

  /** Where and as whom the tool connects; the database is {@code postgres}, the user {@code postgres}. */
  record Target(int port, String password) {
  }

  private PgToolRun() {
  }

  /** Runs the tool with {@code --host}, {@code --port}, {@code --username} added; fails with the tool's own words. */
  static void run(Path tool, List<String> arguments, Target target, Duration limit) throws IOException, InterruptedException {
    Path passFile = Files.createTempFile("madoguchi-pgpass-", "",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Path output = Files.createTempFile("madoguchi-pgtool-", ".log");
    try {
      Files.writeString(passFile, "127.0.0.1:" + target.port() + ":*:postgres:" + escaped(target.password()) + "\n",
          StandardCharsets.UTF_8);
      List<String> command = new ArrayList<>(List.of(tool.toString(), "--host=127.0.0.1", "--port=" + target.port(),
          "--username=postgres", "--no-password"));
      command.addAll(arguments);
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.to(output.toFile()));
      Map<String, String> environment = builder.environment();
      environment.keySet().removeIf(name -> name.startsWith("PG"));
      environment.put("PGPASSFILE", passFile.toString());
      environment.put("PGCONNECT_TIMEOUT", "10");
      Process process = builder.start();
      if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        throw new IOException(tool.getFileName() + " did not finish within " + limit);
      }
      if (process.exitValue() != 0) {
        throw new IOException(tool.getFileName() + " failed (exit " + process.exitValue() + "): " + tail(output));
      }
    } finally {
      Files.deleteIfExists(passFile);
      Files.deleteIfExists(output);
    }
  }

  /** In a password file, {@code :} and {@code \} are escaped with a backslash. */
  private static String escaped(String password) {
    return password.replace("\\", "\\\\").replace(":", "\\:");
  }

  private static String tail(Path output) throws IOException {
    try (RandomAccessFile file = new RandomAccessFile(output.toFile(), "r")) {
      long start = Math.max(0, file.length() - OUTPUT_TAIL);
      byte[] bytes = new byte[(int) (file.length() - start)];
      file.seek(start);
      file.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8).strip();
    }
  }
}
