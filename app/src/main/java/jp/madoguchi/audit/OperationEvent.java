package jp.madoguchi.audit;

import java.util.Map;

/**
 * Something done to a tenant's data or settings that the tenant's operation log must show: a
 * staff or role change, an allow-list change, a deployment, a certificate install, an export, a
 * purge, a support grant. Publish it with Spring's {@code ApplicationEventPublisher} inside the
 * transaction that makes the change; the operation log keeps it once that transaction commits.
 *
 * @param tenantId the tenant concerned, or {@code null} for the deployment as a whole (an operator's account)
 * @param actor the staff id who did it, or {@code "system"}
 * @param kind a stable code of what was done, e.g. {@code staff.created}, {@code export.downloaded}
 * @param target what it was done to (a staff id, a deployment id, an export id); never a resident's personal data
 * @param details further facts as text; never secrets and never a resident's personal data
 */
public record OperationEvent(String tenantId, String actor, String kind, String target, Map<String, String> details) {

  public OperationEvent {
    details = details == null ? Map.of() : Map.copyOf(details);
  }
}
