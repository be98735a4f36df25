package jp.madoguchi.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

import jp.madoguchi.BulkyWasteApplications;
import jp.madoguchi.ChildAllowanceApplications;
import jp.madoguchi.procedure.TenantContext;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The data of "Tasklist at scale": tenants {@code t000…}, each with a tenant admin and a clerk of
 * {@code waste-section} and {@code child-section}; per tenant, open applications waiting for their
 * review (half 粗大ごみ for waste-section, half 児童手当 for child-section) and finished applications
 * (粗大ごみ, rejected) spread over the last three years, shared among the tenant's residents.
 *
 * <p>Per tenant, the engine and the app make one real application of each kind through the app's own
 * path (registration, encrypted payload, receipt job, review); {@link InstanceCloner} then copies each
 * with COPY. The copies are what the engine would have written for the same applications under the
 * configuration in force (e.g. the task authorizations it writes, or does not).
 */
final class ScaleData {

  static final String PASSWORD = "Scale-Bench-2026!";

  /** @param detailedHistory copy the history no measured call reads too (about 2.5 times the rows and disk) */
  record Plan(int tenants, int openTasks, int historic, int residentsPerTenant, boolean detailedHistory) {

    static Plan fromSystemProperties() {
      return new Plan(Integer.getInteger("scale.tenants", 100), Integer.getInteger("scale.openTasks", 100_000),
          Integer.getInteger("scale.historic", 1_000_000), Integer.getInteger("scale.residentsPerTenant", 2_000),
          Boolean.getBoolean("scale.detailedHistory"));
    }

    long applications() {
      return (long) openTasks + historic;
    }

    static String tenant(int index) {
      return "t%03d".formatted(index);
    }

    static String resident(int tenant, int index) {
      return "U%08x%024x".formatted(tenant, index);
    }
  }

  private ScaleData() {
  }

  /** A seed file for the plan's tenants; staff ids {@code tNNN-admin}, {@code tNNN-waste}, {@code tNNN-child}. */
  static Path seedFile(Plan plan) throws IOException {
    StringBuilder yaml = new StringBuilder("staffPasswords: permanent  # the benchmarks sign in with them\ntenants:\n");
    for (int t = 0; t < plan.tenants(); t++) {
      String slug = Plan.tenant(t);
      yaml.append("""
            - slug: %1$s
              name: 規模試験市%2$d
              line: {channelSecret: "secret-%1$s", channelAccessToken: "token-%1$s", loginChannelId: "%3$d", liffId: "%3$d-%1$s"}
              staffAllowedCidrs: ["127.0.0.0/8", "::1/128"]
              staff:
                - {id: %1$s-admin, password: "%4$s", groups: [tenant-admin]}
                - {id: %1$s-waste, password: "%4$s", groups: [waste-section]}
                - {id: %1$s-child, password: "%4$s", groups: [child-section]}
          """.formatted(slug, t, loginChannel(t), PASSWORD));
    }
    Path file = Files.createTempFile("scale-tenants", ".yaml");
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    return file;
  }

  static long loginChannel(int tenant) {
    return 3_000_000_000L + tenant;
  }

  /**
   * Generates the plan's data unless the database already holds it (a data folder kept from an
   * earlier run); a run stopped half-way is continued with the tenants it had not finished.
   */
  static void ensure(ApplicationContext app, Plan plan) throws SQLException, IOException {
    JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
    long existing = jdbc.queryForObject("SELECT count(*) FROM application", Long.class);
    if (existing >= plan.applications()) {
      System.out.printf("BENCHMARK data: %d applications already present, not generated again%n", existing);
      return;
    }
    InstanceCloner cloner = new InstanceCloner(app.getBean(DataSource.class), plan.detailedHistory());
    var templates = new Templates(app.getBean(RuntimeService.class), app.getBean(TaskService.class),
        app.getBean(ManagementService.class));
    long start = System.nanoTime();
    long rows = 0;
    int[] rowsPerCopy = new int[3];
    for (int t = 0; t < plan.tenants(); t++) {
      String tenant = Plan.tenant(t);
      int open = share(plan.openTasks(), plan.tenants(), t);
      int finished = share(plan.historic(), plan.tenants(), t);
      if (jdbc.queryForObject("SELECT count(*) FROM application WHERE tenant_id = ?", Long.class, tenant)
          >= open + finished) {
        continue;
      }
      InstanceCloner.Template bulky = cloner.template(templates.waitingForReview(tenant, "bulky-waste-collection",
          BulkyWasteApplications.valid().putValue("residentRef", Plan.resident(t, 0))).getId());
      InstanceCloner.Template child = cloner.template(templates.waitingForReview(tenant, "child-allowance",
          ChildAllowanceApplications.valid(Plan.resident(t, 1))).getId());
      InstanceCloner.Template done = cloner.template(templates.rejected(tenant).getId());
      rowsPerCopy[0] = bulky.rowsPerCopy();
      rowsPerCopy[1] = child.rowsPerCopy();
      rowsPerCopy[2] = done.rowsPerCopy();
      List<InstanceCloner.Copy> bulkyCopies = new ArrayList<>();
      List<InstanceCloner.Copy> childCopies = new ArrayList<>();
      for (int i = 1; i < open; i++) {
        // spread over the last 20 days, newest first
        var copy = new InstanceCloner.Copy("2026-%06d".formatted(500_000 + i), Plan.resident(t, i % plan.residentsPerTenant()),
            Duration.ofMinutes(i * 17L % (20 * 24 * 60)));
        (i % 2 == 0 ? bulkyCopies : childCopies).add(copy);
      }
      List<InstanceCloner.Copy> finishedCopies = new ArrayList<>();
      for (int i = 1; i < finished; i++) {
        long minutesEarlier = 30L * 24 * 60 + (i * 997L) % (3L * 365 * 24 * 60);
        finishedCopies.add(new InstanceCloner.Copy("%d-%06d".formatted(2023 + i % 3, i),
            Plan.resident(t, i % plan.residentsPerTenant()), Duration.ofMinutes(minutesEarlier)));
      }
      rows += cloner.copy(tenant, List.of(new InstanceCloner.Work(bulky, bulkyCopies),
          new InstanceCloner.Work(child, childCopies), new InstanceCloner.Work(done, finishedCopies)));
      if (t % 10 == 9 || t == plan.tenants() - 1) {
        System.out.printf("BENCHMARK data: %d/%d tenants, %,d rows, %.0f s%n", t + 1, plan.tenants(), rows,
            (System.nanoTime() - start) / 1e9);
      }
    }
    cloner.analyze();
    System.out.printf("BENCHMARK data generated: %d tenants, %,d open and %,d finished applications, %,d rows in %.0f s "
        + "(rows per copy: open 粗大ごみ %d, open 児童手当 %d, finished %d)%n", plan.tenants(), plan.openTasks(),
        plan.historic(), rows, (System.nanoTime() - start) / 1e9, rowsPerCopy[0], rowsPerCopy[1], rowsPerCopy[2]);
  }

  private static int share(int total, int parts, int index) {
    return total / parts + (index < total % parts ? 1 : 0);
  }

  /** Real applications made by the engine: the models every copy is made from. */
  private record Templates(RuntimeService runtime, TaskService tasks, ManagementService management) {

    ProcessInstance waitingForReview(String tenant, String procedure, VariableMap variables) {
      ProcessInstance instance = TenantContext.callAs(tenant, () -> runtime.startProcessInstanceByKey(procedure, variables));
      runJobs(instance);
      if (tasks.createTaskQuery().processInstanceId(instance.getId()).count() != 1) {
        throw new IllegalStateException(procedure + " did not reach its review");
      }
      return instance;
    }

    ProcessInstance rejected(String tenant) {
      ProcessInstance instance = waitingForReview(tenant, "bulky-waste-collection",
          BulkyWasteApplications.valid().putValue("residentRef", Plan.resident(Integer.parseInt(tenant.substring(1)), 2)));
      Task review = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
      tasks.complete(review.getId(), BulkyWasteApplications.rejection());
      runJobs(instance);
      if (runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count() != 0) {
        throw new IllegalStateException("the rejected application did not end");
      }
      return instance;
    }

    private void runJobs(ProcessInstance instance) {
      Supplier<List<org.camunda.bpm.engine.runtime.Job>> due = () ->
          management.createJobQuery().processInstanceId(instance.getId()).executable().list();
      for (var jobs = due.get(); !jobs.isEmpty(); jobs = due.get()) {
        jobs.forEach(job -> management.executeJob(job.getId()));
      }
    }
  }
}
