package jp.madoguchi.application;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jp.madoguchi.system.EngineRestExtension;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code Idempotency-Key: <UUID>} on a REST process start ({@code /engine-rest/process-definition/…/start}
 * or {@code …/submit-form}): the first request with a key starts the procedure and
 * {@code registerApplication} records the key in the same transaction; a repeated request with
 * the same key by the same staff member (a retry after a lost answer) starts nothing and gets the
 * first one's process instance again ({@code 200}, header {@code Idempotency-Replayed: true}); a
 * repeat that arrives while the first is still running waits for it and gets {@code 409}
 * ({@link DuplicateStartException}), and its retry the replay.
 */
@Provider
@Component
public class RestStartIdempotency implements ContainerRequestFilter, ContainerResponseFilter, EngineRestExtension {

  static final String HEADER = "Idempotency-Key";
  private static final Pattern START = Pattern.compile("process-definition/(key/[^/]+(/tenant-id/[^/]+)?|[^/]+)/"
      + "(start|submit-form)/?");

  private final IdentityService identity;
  private final HistoryService history;
  private final JdbcTemplate jdbc;

  public RestStartIdempotency(IdentityService identity, HistoryService history, JdbcTemplate jdbc) {
    this.identity = identity;
    this.history = history;
    this.jdbc = jdbc;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String header = request.getHeaderString(HEADER);
    RestStartKey.clear();
    if (header == null || !"POST".equals(request.getMethod())
        || !START.matcher(request.getUriInfo().getPath(false)).matches()) {
      return;
    }
    UUID key;
    try {
      key = UUID.fromString(header.strip());
    } catch (IllegalArgumentException e) {
      request.abortWith(error(Response.Status.BAD_REQUEST, "Idempotency-Key は UUID にしてください "
          + "(the Idempotency-Key must be a UUID)"));
      return;
    }
    Authentication authentication = identity.getCurrentAuthentication();
    List<String> tenants = authentication == null ? null : authentication.getTenantIds();
    if (tenants == null || tenants.size() != 1) {
      return; // not staff of one municipality: registerApplication refuses the start anyway
    }
    RestStartKey startKey = new RestStartKey(tenants.get(0), RestStartKey.staffRef(authentication.getUserId()), key);
    List<String> earlier = jdbc.query("""
        SELECT application_number FROM application_submission
        WHERE tenant_id = ? AND resident_ref = ? AND client_request_id = ?""", (rs, row) -> rs.getString(1),
        startKey.tenantId(), startKey.staffRef(), key);
    if (earlier.isEmpty()) {
      RestStartKey.set(startKey);
    } else {
      request.abortWith(replay(request, startKey.tenantId(), earlier.get(0)));
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    RestStartKey.clear();
  }

  /** The same fields as Camunda's answer to a start, read as the engine, not as the caller. */
  private Response replay(ContainerRequestContext request, String tenantId, String applicationNumber) {
    Authentication caller = identity.getCurrentAuthentication();
    HistoricProcessInstance instance;
    try {
      identity.clearAuthentication();
      instance = history.createHistoricProcessInstanceQuery().tenantIdIn(tenantId)
          .processInstanceBusinessKey(applicationNumber).singleResult();
    } finally {
      identity.setAuthentication(caller);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    String self = request.getUriInfo().getBaseUriBuilder().path("process-instance").path(instance.getId()).build()
        .toString();
    body.put("links", List.of(Map.of("method", "GET", "href", self, "rel", "self")));
    body.put("id", instance.getId());
    body.put("definitionId", instance.getProcessDefinitionId());
    body.put("definitionKey", instance.getProcessDefinitionKey());
    body.put("businessKey", instance.getBusinessKey());
    body.put("caseInstanceId", null);
    body.put("ended", instance.getEndTime() != null);
    body.put("suspended", HistoricProcessInstance.STATE_SUSPENDED.equals(instance.getState()));
    body.put("tenantId", instance.getTenantId());
    return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).header("Idempotency-Replayed", "true").build();
  }

  private static Response error(Response.Status status, String message) {
    return Response.status(status).entity(Map.of("type", status.getReasonPhrase(), "message", message))
        .type(MediaType.APPLICATION_JSON_TYPE).build();
  }
}
