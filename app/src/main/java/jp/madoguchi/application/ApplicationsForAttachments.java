package jp.madoguchi.application;

import java.util.Optional;

import jp.madoguchi.attachment.AttachableApplications;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** Tells the attachment feature which application a number names and whether it is still open. */
@Component
class ApplicationsForAttachments implements AttachableApplications {

  private final ApplicationRepository applications;
  private final RuntimeService runtime;

  ApplicationsForAttachments(ApplicationRepository applications, RuntimeService runtime) {
    this.applications = applications;
    this.runtime = runtime;
  }

  @Override
  public Optional<AttachableApplication> find(String tenantId, String number) {
    return applications.findByNumber(tenantId, number)
        .map(application -> new AttachableApplication(application.id(), application.number(),
            application.processInstanceId(), isOpen(application)));
  }

  private boolean isOpen(ApplicationRecord application) {
    return runtime.createProcessInstanceQuery().processInstanceId(application.processInstanceId())
        .tenantIdIn(application.tenantId()).active().count() > 0;
  }
}
