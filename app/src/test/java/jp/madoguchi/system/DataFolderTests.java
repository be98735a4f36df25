package jp.madoguchi.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The data folder follows the login's $HOME (a service account's home may differ from Java's user.home). */
class DataFolderTests {

  @Test
  void shouldKeepDataUnderHomeUnlessMadoguchiDataDirIsSet() throws Exception {
    assertThat(dataDir(Map.of("HOME", "/srv/madoguchi"))).isEqualTo("/srv/madoguchi/.madoguchi");
    assertThat(dataDir(Map.of("HOME", "/srv/madoguchi", "MADOGUCHI_DATA_DIR", "/var/lib/madoguchi")))
        .isEqualTo("/var/lib/madoguchi");
  }

  @Test
  void shouldFallBackToTheAccountsHomeWithoutHome() throws Exception {
    assertThat(dataDir(Map.of())).isEqualTo(System.getProperty("user.home") + "/.madoguchi");
  }

  private static String dataDir(Map<String, Object> environmentVariables) throws Exception {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
    environment.getPropertySources().addLast(new MapPropertySource("env", environmentVariables));
    new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml"))
        .forEach(source -> environment.getPropertySources().addLast(source));
    return environment.getProperty("madoguchi.embedded-db.data-dir");
  }
}
