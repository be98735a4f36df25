package jp.madoguchi.procedure.guard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jp.madoguchi.audit.OperationEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells the operation log about deployments: {@code procedure.deployed} inside the deployment's own
 * transaction, {@code procedure.deploy-refused} in a transaction of its own (the deployment's is rolled
 * back). A refusal to deploy for another tenant goes to the author's own tenant's log, never to that tenant's.
 */
final class DeploymentEvents {

  static final String DEPLOYED = "procedure.deployed";
  static final String REFUSED = "procedure.deploy-refused";

  private final ApplicationEventPublisher publisher;
  private final Supplier<PlatformTransactionManager> transactions;

  DeploymentEvents(ApplicationEventPublisher publisher, Supplier<PlatformTransactionManager> transactions) {
    this.publisher = publisher;
    this.transactions = transactions;
  }

  void deployed(Candidate candidate, String deploymentId) {
    Map<String, String> details = details(candidate);
    publisher.publishEvent(new OperationEvent(candidate.tenantId(), candidate.actor(), DEPLOYED, deploymentId, details));
  }

  void refused(Candidate candidate, Verdict verdict) {
    Map<String, String> details = details(candidate);
    details.put("reasons", verdict.reasons().stream().map(reason -> reason.resource() == null ? reason.en()
        : reason.resource() + " " + (reason.element() == null ? "" : reason.element() + ": ") + reason.en())
        .collect(Collectors.joining("; ")));
    String tenant = candidate.tenantId();
    if (verdict.forbidden()) {
      details.put("requestedTenant", tenant);
      List<String> own = candidate.author().tenants();
      tenant = own.size() == 1 ? own.get(0) : null;
    }
    OperationEvent event = new OperationEvent(tenant, candidate.actor(), REFUSED, candidate.name(), details);
    TransactionTemplate ownTransaction = new TransactionTemplate(transactions.get());
    ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    ownTransaction.executeWithoutResult(status -> publisher.publishEvent(event));
  }

  private static Map<String, String> details(Candidate candidate) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("name", String.valueOf(candidate.name()));
    details.put("resources", String.join(", ", candidate.resources().keySet().stream().sorted().toList()));
    return details;
  }
}
