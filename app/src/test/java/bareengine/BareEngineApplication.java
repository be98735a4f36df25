package bareengine;

import java.io.IOException;
import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;
import jp.madoguchi.database.EmbeddedDatabase;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.liquibase.LiquibaseAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The reference the submission benchmark compares with: a bare Spring Boot + Camunda app of the
 * same versions (engine, REST API and webapps as the starters configure them, history FULL, job
 * executor on) with a one-task process, on the same embedded PostgreSQL with the same durable
 * settings (fsync and synchronous_commit on), the same pool size and the same rewriting of batched
 * inserts, and beside it the steps of Madoguchi's bulky-waste procedure as no-ops
 * ({@link #procedureShape}). No security, no authorization checks, no Madoguchi code. Started
 * by the benchmark in a JVM of its own, with the data folder ({@code BARE_ENGINE_DATA_DIR}) that the
 * benchmark deletes afterwards. (Outside the package jp.madoguchi, whose component scan would
 * otherwise find it.)
 */
@SpringBootApplication(exclude = {LiquibaseAutoConfiguration.class, SecurityAutoConfiguration.class,
    SecurityFilterAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
    ManagementWebSecurityAutoConfiguration.class})
public class BareEngineApplication {

  public static void main(String[] args) {
    SpringApplication application = new SpringApplication(BareEngineApplication.class);
    application.setDefaultProperties(java.util.Map.of("spring.config.name", "bare-engine"));
    application.run(args);
  }

  @Bean(destroyMethod = "close")
  EmbeddedDatabase embeddedDatabase(@Value("${BARE_ENGINE_DATA_DIR}") Path dataDir) throws IOException {
    return EmbeddedDatabase.start(dataDir.resolve("postgres"), 0);
  }

  @Bean(destroyMethod = "close")
  HikariDataSource dataSource(EmbeddedDatabase database) {
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl(database.jdbcUrl());
    pool.setUsername("postgres");
    pool.setMaximumPoolSize(20);
    // the same driver setting as Madoguchi's: the engine's batched inserts go as multi-row INSERTs
    pool.addDataSourceProperty("reWriteBatchedInserts", true);
    return pool;
  }

  /** Deploys both processes the benchmark starts, once. */
  @Bean
  ApplicationRunner deployProcesses(RepositoryService repository) {
    return arguments -> repository.createDeployment().name("bare-engine")
        .addModelInstance("one-task.bpmn", oneTask()).addModelInstance("procedure-shape.bpmn", procedureShape())
        .enableDuplicateFiltering(true).deploy();
  }

  /** Start → one user task for a group → end. */
  private static BpmnModelInstance oneTask() {
    return Bpmn.createExecutableProcess("one-task")
        .camundaHistoryTimeToLive(180)
        .startEvent()
        .userTask("Task_Review").camundaCandidateGroups("clerks")
        .endEvent()
        .done();
  }

  /**
   * The shape of Madoguchi's bulky-waste procedure up to the clerk's review, with no-op steps: the
   * registration, the resident's notification (its message as an input parameter), the receipt
   * after an asynchronous continuation (its layout as an input parameter), the review task for a
   * group with a due date, its three decision fields as empty input and output parameters, and a
   * withdrawal message on its boundary. What the engine pays for the procedure's steps alone.
   */
  private static BpmnModelInstance procedureShape() {
    return Bpmn.createExecutableProcess("procedure-shape")
        .camundaHistoryTimeToLive(180)
        .startEvent()
        .serviceTask("Task_Register").camundaExpression("${true}")
        .serviceTask("Task_Notify").camundaExpression("${true}").camundaInputParameter("message", "x".repeat(150))
        .serviceTask("Task_Receipt").camundaAsyncBefore().camundaExpression("${true}")
        .camundaInputParameter("documentLayout", "receipt")
        .userTask("Task_Review").camundaCandidateGroups("clerks").camundaDueDate("2030-01-01T17:00:00")
        .camundaInputParameter("decision", "").camundaInputParameter("rejectReason", "")
        .camundaInputParameter("returnComment", "").camundaOutputParameter("decision", "${decision}")
        .camundaOutputParameter("rejectReason", "${rejectReason}")
        .camundaOutputParameter("returnComment", "${returnComment}")
        .boundaryEvent("Boundary_Withdrawal").message("WithdrawalRequested").endEvent("End_Withdrawn")
        .moveToActivity("Task_Review").endEvent("End_Reviewed")
        .done();
  }
}
