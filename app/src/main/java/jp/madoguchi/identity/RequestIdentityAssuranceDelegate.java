package jp.madoguchi.identity;

import java.time.Clock;
import java.util.UUID;

import jp.madoguchi.application.ApplicationRecord;
import jp.madoguchi.application.ApplicationRepository;
import jp.madoguchi.procedure.ProcedureBuildingBlock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * The reusable "本人確認を依頼" step: starts an identity assurance at the provider; the
 * resident finds the link on the application detail page (a notify step tells them). The process
 * then waits for the message {@code IdentityAssured} or a timer. Sets {@code identityRequestId}.
 */
@ProcedureBuildingBlock("requestIdentityAssurance")
class RequestIdentityAssuranceDelegate implements JavaDelegate {

  private final IdentityAssuranceProvider provider;
  private final IdentityRequestRepository requests;
  private final ApplicationRepository applications;
  private final Clock clock;

  RequestIdentityAssuranceDelegate(IdentityAssuranceProvider provider, IdentityRequestRepository requests,
      ApplicationRepository applications, Clock clock) {
    this.provider = provider;
    this.requests = requests;
    this.applications = applications;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String tenantId = execution.getTenantId();
    ApplicationRecord application = applications.findByProcessInstance(tenantId, execution.getProcessInstanceId())
        .orElseThrow(() -> new IllegalStateException("Request identity assurance before the application was registered"));
    UUID id = UUID.randomUUID();
    IdentityAssuranceProvider.Started started = provider.start(tenantId, id);
    requests.insert(new IdentityRequest(id, tenantId, application.id(), execution.getProcessInstanceId(),
        IdentityRequest.Status.REQUESTED, provider.name(), started.providerRef(), started.url(), null), clock.instant());
    execution.setVariable("identityRequestId", id.toString());
  }
}
