package jp.madoguchi.crypto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import jp.madoguchi.embedded.DemoSetup;
import jp.madoguchi.embedded.EmbeddedDatabaseProperties;
import jp.madoguchi.system.MadoguchiProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The master key wraps every tenant's data key. Production sets {@code MADOGUCHI_MASTER_KEY}
 * (Base64 of 32 random bytes, e.g. {@code openssl rand -base64 32}) from a secret store, or
 * {@code MADOGUCHI_MASTER_KEY_FILE} to a file holding it (e.g. a mounted secret); the embedded demo
 * keeps a generated one in its data folder. Outside the demo the key must not lie beside the data
 * or in its backups: a key file inside {@code MADOGUCHI_DATA_DIR} is warned about at every start.
 * {@code MADOGUCHI_MASTER_KEY_PREVIOUS} names the key being replaced ({@link MasterKeyRotation}).
 */
@Configuration(proxyBeanMethods = false)
class MasterKeyConfiguration {

  private static final Logger log = LoggerFactory.getLogger(MasterKeyConfiguration.class);

  @Bean
  MasterKey masterKey(MadoguchiProperties properties, ObjectProvider<DemoSetup> demo,
      EmbeddedDatabaseProperties embedded) throws IOException {
    return configuredKey(properties, demo, embedded).replacing(properties.previousMasterKey());
  }

  private static MasterKey configuredKey(MadoguchiProperties properties, ObjectProvider<DemoSetup> demo,
      EmbeddedDatabaseProperties embedded) throws IOException {
    String configured = properties.masterKey();
    if (!configured.isBlank()) {
      return MasterKey.fromBase64(configured);
    }
    if (!properties.masterKeyFile().isBlank()) {
      Path file = Path.of(properties.masterKeyFile()).toAbsolutePath().normalize();
      if (demo.getIfAvailable() == null && file.startsWith(embedded.dataDir().toAbsolutePath().normalize())) {
        log.warn("MADOGUCHI_MASTER_KEY_FILE {} lies inside the data folder {}: whoever has the data or its backups "
            + "then also has the key that decrypts it. Keep the master key in a secret store, apart from the data.",
            file, embedded.dataDir().toAbsolutePath());
      }
      return MasterKey.fromBase64(Files.readString(file));
    }
    if (demo.getIfAvailable() == null) {
      throw new IllegalStateException(
          "MADOGUCHI_MASTER_KEY is not set. Set it (or MADOGUCHI_MASTER_KEY_FILE) to the Base64 of 32 random bytes (openssl rand -base64 32) "
              + "and keep it safe: without it the stored personal data cannot be read.");
    }
    return demoKey(embedded.dataDir().resolve("master.key"));
  }

  private static MasterKey demoKey(Path file) throws IOException {
    if (Files.exists(file)) {
      return MasterKey.fromBase64(Files.readString(file));
    }
    Files.createDirectories(file.getParent());
    byte[] key = AesGcm.newKey();
    Files.writeString(file, Base64.getEncoder().encodeToString(key));
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException ignored) {
      // not a POSIX file system: the folder's own permissions protect it
    }
    return new MasterKey(key);
  }
}
