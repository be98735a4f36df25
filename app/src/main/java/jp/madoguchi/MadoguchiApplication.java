package jp.madoguchi;

import java.util.TimeZone;

import jp.madoguchi.backup.DatabaseRestore;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

// Staff authenticate against Camunda's identity service; Spring's generated default user is not wanted.
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class MadoguchiApplication {

  public static final String JST = "Asia/Tokyo";

  public static void main(String[] args) {
    useJapanStandardTime();
    if (DatabaseRestore.requested(args)) {
      // a one-off command: restore a backup into an empty data folder, then exit (README "Backup and restore")
      System.exit(DatabaseRestore.run(args));
    }
    SpringApplication.run(MadoguchiApplication.class, args);
  }

  /**
   * The engine stores its timestamps without zone; pinning the JVM zone keeps every
   * node of a cluster and every machine the app runs on consistent.
   */
  public static void useJapanStandardTime() {
    TimeZone.setDefault(TimeZone.getTimeZone(JST));
  }
}
