package jp.madoguchi.crypto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import jp.madoguchi.embedded.DemoSetup;
import jp.madoguchi.embedded.EmbeddedDatabaseProperties;
import jp.madoguchi.system.MadoguchiProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The master key wraps every tenant's data key. Production sets {@code MADOGUCHI_MASTER_KEY}
 * (Base64 of 32 random bytes, e.g. {@code openssl rand -base64 32}); the embedded demo keeps a
 * generated one in its data folder.
 */
@Configuration(proxyBeanMethods = false)
class MasterKeyConfiguration {

  @Bean
  MasterKey masterKey(MadoguchiProperties properties, ObjectProvider<DemoSetup> demo,
      EmbeddedDatabaseProperties embedded) throws IOException {
    String configured = properties.masterKey();
    if (!configured.isBlank()) {
      return new MasterKey(decode(configured));
    }
    if (demo.getIfAvailable() == null) {
      throw new IllegalStateException(
          "MADOGUCHI_MASTER_KEY is not set. Set it to the Base64 of 32 random bytes (openssl rand -base64 32) "
              + "and keep it safe: without it the stored personal data cannot be read.");
    }
    return new MasterKey(demoKey(embedded.dataDir().resolve("master.key")));
  }

  private static byte[] demoKey(Path file) throws IOException {
    if (Files.exists(file)) {
      return decode(Files.readString(file).trim());
    }
    Files.createDirectories(file.getParent());
    byte[] key = AesGcm.newKey();
    Files.writeString(file, Base64.getEncoder().encodeToString(key));
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException ignored) {
      // not a POSIX file system: the folder's own permissions protect it
    }
    return key;
  }

  private static byte[] decode(String base64) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("MADOGUCHI_MASTER_KEY is not valid Base64", e);
    }
    if (key.length != AesGcm.KEY_BYTES) {
      throw new IllegalStateException("MADOGUCHI_MASTER_KEY must decode to 32 bytes, got " + key.length);
    }
    return key;
  }
}
