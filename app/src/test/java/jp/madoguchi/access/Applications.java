package jp.madoguchi.access;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;

import jp.madoguchi.BulkyWasteApplications;
import jp.madoguchi.ChildAllowanceApplications;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.LineIdTokens;
import jp.madoguchi.ResidentCertificateApplications;
import jp.madoguchi.RoadDamageReports;
import jp.madoguchi.procedure.TenantContext;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.jdbc.core.JdbcTemplate;

/** Applications of each procedure in tenant demo, as residents file them, waiting for their department's review. */
final class Applications {

  record Open(String id, String number, String taskId, String receipt) {
  }

  private final ProcessEngine engine;
  private final JdbcTemplate jdbc;

  Applications(ProcessEngine engine, JdbcTemplate jdbc) {
    this.engine = engine;
    this.jdbc = jdbc;
  }

  Open waitingForReview(Procedure procedure) {
    String resident = LineIdTokens.newUserId();
    VariableMap variables = switch (procedure) {
      case BULKY_WASTE -> BulkyWasteApplications.valid().putValue("residentRef", resident);
      case RESIDENT_CERTIFICATE -> ResidentCertificateApplications.byMail(resident);
      case ROAD_DAMAGE -> RoadDamageReports.report("道路の穴・段差", false, UUID.randomUUID());
      case CHILD_ALLOWANCE -> ChildAllowanceApplications.valid(resident);
    };
    ProcessInstance instance = TenantContext.callAs(IntegrationTest.DEMO,
        () -> engine.getRuntimeService().startProcessInstanceByKey(procedure.key(), variables));
    runJobs(instance.getId());
    if (procedure == Procedure.RESIDENT_CERTIFICATE) {
      ResidentCertificateApplications.assureIdentity(engine.getRuntimeService(), instance);
      runJobs(instance.getId());
    }
    String taskId = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
    String receipt = jdbc.queryForObject("SELECT id::text FROM document WHERE process_instance_id = ? AND layout = 'receipt'",
        String.class, instance.getId());
    String number = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
        .singleResult().getBusinessKey();
    return new Open(instance.getId(), number, taskId, receipt);
  }

  List<String> staffAttachments(Open application) {
    return jdbc.queryForList("SELECT f.id::text FROM attachment f JOIN application a ON a.id = f.application_id "
        + "WHERE a.process_instance_id = ? AND f.uploaded_by IS NOT NULL", String.class, application.id());
  }

  private void runJobs(String processInstanceId) {
    var management = engine.getManagementService();
    for (int round = 0; round < 10; round++) {
      var jobs = management.createJobQuery().processInstanceId(processInstanceId).executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
  }

  static byte[] png() {
    BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
    image.setRGB(3, 3, 0xff0000);
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
