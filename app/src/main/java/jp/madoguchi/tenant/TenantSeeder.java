package jp.madoguchi.tenant;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jp.madoguchi.embedded.DemoSetup;
import jp.madoguchi.system.MadoguchiProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Creates at start the tenants and staff of the seed file that do not exist yet. Existing ones
 * are left as they are: after the first start, tenants are managed in the app, not in the file.
 */
@Component
@Order(10)
class TenantSeeder implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(TenantSeeder.class);
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final String seedFile;
  private final ObjectProvider<DemoSetup> demo;
  private final ResourceLoader resources;
  private final TenantSeedValidator validator;
  private final TenantProvisioning provisioning;
  private final SeededAccounts accounts;
  private final SeedFileLedger ledger;
  private final TasklistFilters filters;
  private final StaffAuthorizations authorizations;
  private final TenantRepository tenants;
  private final WebappSetupLock setupLock;

  TenantSeeder(MadoguchiProperties properties, ObjectProvider<DemoSetup> demo,
      ResourceLoader resources, TenantSeedValidator validator, TenantProvisioning provisioning,
      SeededAccounts accounts, SeedFileLedger ledger, TasklistFilters filters, StaffAuthorizations authorizations,
      TenantRepository tenants, WebappSetupLock setupLock) {
    this.seedFile = properties.tenantsSeed();
    this.demo = demo;
    this.resources = resources;
    this.validator = validator;
    this.provisioning = provisioning;
    this.accounts = accounts;
    this.ledger = ledger;
    this.filters = filters;
    this.authorizations = authorizations;
    this.tenants = tenants;
    this.setupLock = setupLock;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    filters.ensure();
    setupLock.ensure();
    // exactly the current grants, also where no seed file names a tenant admin (a database of an earlier version)
    authorizations.ensureTenantAdmin();
    TenantsSeed seed = read();
    if (seed == null) {
      log.info("No tenants seed file (MADOGUCHI_TENANTS_SEED) given; tenants stay as they are");
    } else {
      apply(seed);
    }
    if (tenants.findAll().isEmpty()) {
      log.warn("There is no tenant yet: no resident and no clerk can use this deployment. Name a seed file with "
          + "MADOGUCHI_TENANTS_SEED (example: docker/tenants.example.yaml) and restart");
    }
  }

  void apply(TenantsSeed seed) {
    List<TenantProblem> problems = validator.problems(seed);
    if (!problems.isEmpty()) {
      throw new IllegalStateException("The tenants seed file has problems; nothing was created:\n - "
          + String.join("\n - ", problems.stream().map(TenantProblem::en).toList()));
    }
    seed.tenants().forEach(tenant -> provisioning.ensureTenant(tenant, ledger, seed.temporaryPasswords()));
    seed.operators().forEach(operator -> accounts.ensureOperator(operator, ledger, seed.temporaryPasswords()));
    log.info("Tenants seed applied: {} tenant(s), {} operator(s)", seed.tenants().size(), seed.operators().size());
  }

  private TenantsSeed read() throws IOException {
    if (seedFile.startsWith("classpath:")) {
      try (InputStream in = resources.getResource(seedFile).getInputStream()) {
        return parse(in, seedFile);
      }
    }
    if (!seedFile.isBlank()) {
      Path path = Path.of(seedFile);
      if (!Files.isReadable(path)) {
        throw new IllegalStateException("MADOGUCHI_TENANTS_SEED names " + path.toAbsolutePath() + ", which cannot be read");
      }
      try (InputStream in = Files.newInputStream(path)) {
        return parse(in, path.toString());
      }
    }
    DemoSetup demoSetup = demo.getIfAvailable();
    if (demoSetup == null) {
      return null;
    }
    try (InputStream in = resources.getResource(demoSetup.seedLocation()).getInputStream()) {
      return parse(in, demoSetup.seedLocation());
    }
  }

  static TenantsSeed parse(InputStream in, String source) {
    try {
      return YAML.readValue(in, TenantsSeed.class);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the tenants seed file " + source + ": " + e.getMessage(), e);
    }
  }
}
