package jp.madoguchi.procedure;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the shared procedures (processes/ and forms/, put on the classpath by the build) without
 * a tenant id. A new deployment is made only when a file changed; BPMN and forms always travel
 * together so that {@code formRefBinding="deployment"} finds the matching form version.
 */
@Component
@Order(5)
class ProcedureDeployer implements ApplicationRunner {

  static final String DEPLOYMENT_NAME = "madoguchi-shared-procedures";
  private static final Logger log = LoggerFactory.getLogger(ProcedureDeployer.class);
  private static final List<String> PATTERNS = List.of(
      "classpath*:processes/*.bpmn", "classpath*:processes/*.dmn", "classpath*:forms/*/*.form");

  private final RepositoryService repository;

  ProcedureDeployer(RepositoryService repository) {
    this.repository = repository;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    DeploymentBuilder builder = repository.createDeployment()
        .name(DEPLOYMENT_NAME)
        .source("madoguchi")
        .enableDuplicateFiltering(false);
    List<InputStream> opened = new ArrayList<>();
    int count = 0;
    try {
      for (Resource resource : resources()) {
        InputStream in = resource.getInputStream();
        opened.add(in);
        builder.addInputStream(resourceName(resource), in);
        count++;
      }
      Deployment deployment = builder.deploy();
      log.info("Shared procedures: {} resources, deployment {}", count, deployment.getId());
    } finally {
      for (InputStream in : opened) {
        in.close();
      }
    }
  }

  private static List<Resource> resources() throws IOException {
    var resolver = new PathMatchingResourcePatternResolver();
    List<Resource> found = new ArrayList<>();
    for (String pattern : PATTERNS) {
      found.addAll(List.of(resolver.getResources(pattern)));
    }
    return found;
  }

  /** processes/x.bpmn or forms/x/step.form, whatever jar or folder the file came from. */
  static String resourceName(Resource resource) throws IOException {
    String url = resource.getURL().toString();
    int forms = url.lastIndexOf("/forms/");
    int processes = url.lastIndexOf("/processes/");
    return url.substring(Math.max(forms, processes) + 1);
  }
}
