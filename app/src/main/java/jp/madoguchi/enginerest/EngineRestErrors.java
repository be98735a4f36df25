package jp.madoguchi.enginerest;

import java.util.Map;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jp.madoguchi.database.ConcurrentChange;
import jp.madoguchi.database.DatabaseOutage;
import jp.madoguchi.system.ConcurrentRequestException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * Camunda's REST error answers, in one place instead of Camunda's three mappers (Throwable,
 * ProcessEngineException, RestException), with these changes:
 * <ul>
 * <li>a database that cannot be reached is a 503 with {@code Retry-After}, never a 500;</li>
 * <li>a request racing another one (e.g. a start with the same {@code Idempotency-Key}) is a 409
 * ({@link ConcurrentRequestException}), and so is a claim of a task someone else claimed first, and
 * a change that lost a race with another one ({@link ConcurrentChange}: two clerks claiming or
 * commenting on one task at once; Camunda answered 500, or 400 blaming the request);</li>
 * <li>an id the caller may not see answers the same 404 whether it is unknown, another tenant's or
 * another department's, whatever went wrong ({@link UniformNotFound}, {@link VisibleIds});</li>
 * <li>the caller's own mistakes (a start refused by the procedure's checks, input the database
 * cannot store …) are a 400 with the reasons ({@link EngineBadInput}) instead of Camunda's 500;</li>
 * <li>a failure that is neither the engine's nor the REST layer's (a {@code NullPointerException},
 * an {@code IllegalStateException} …) is a 500 that names no Java type; the log has it.</li>
 * </ul>
 * A deployment refused by the deploy guard has its own, more specific mapper ({@link DeploymentRefusedHandler}).
 */
@Provider
public class EngineRestErrors implements ExceptionMapper<Throwable> {

  private static final String ALREADY_CLAIMED = "このタスクはほかの職員が引き受けています。一覧を更新してください "
      + "(the task is already claimed by someone else: reload the list)";

  @Context
  private UriInfo uri;

  @Override
  public Response toResponse(Throwable exception) {
    if (DatabaseOutage.isCause(exception)) {
      return Response.status(Response.Status.SERVICE_UNAVAILABLE)
          .header(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER_SECONDS)
          .entity(Map.of("type", "ServiceUnavailable", "message", DatabaseOutage.MESSAGE))
          .type(MediaType.APPLICATION_JSON_TYPE).build();
    }
    ConcurrentRequestException duplicate = find(exception, ConcurrentRequestException.class);
    if (duplicate != null) {
      return Response.status(Response.Status.CONFLICT)
          .entity(Map.of("type", "ConcurrentRequest", "message", duplicate.getMessage()))
          .type(MediaType.APPLICATION_JSON_TYPE).build();
    }
    if (find(exception, TaskAlreadyClaimedException.class) != null) {
      return Response.status(Response.Status.CONFLICT)
          .entity(Map.of("type", "TaskAlreadyClaimed", "message", ALREADY_CLAIMED))
          .type(MediaType.APPLICATION_JSON_TYPE).build();
    }
    if (find(exception, BadUserRequestException.class) == null && ConcurrentChange.isCause(exception)) {
      // Camunda's own judgement of a duplicate ("The user already exists") stays a 400
      return Response.status(Response.Status.CONFLICT)
          .entity(Map.of("type", "ConcurrentChange", "message", ConcurrentChange.MESSAGE))
          .type(MediaType.APPLICATION_JSON_TYPE).build();
    }
    if (exception instanceof RestException rest && rest.getStatus() == Response.Status.NOT_FOUND
        || UniformNotFound.isNotFound(exception)
        || !VisibleIds.visibleAfterFailure(uri.getPath())) {
      return UniformNotFound.response();
    }
    AuthorizationException refusedByListener = find(exception.getCause(), AuthorizationException.class);
    if (refusedByListener != null) {
      // a rule the engine checks in a listener (access.TaskWorkers), which Camunda wraps as a 500
      return Response.status(Response.Status.FORBIDDEN)
          .entity(Map.of("type", "AuthorizationException", "message", refusedByListener.getMessage()))
          .type(MediaType.APPLICATION_JSON_TYPE).build();
    }
    return EngineBadInput.response(exception).orElseGet(() -> camundasAnswer(exception));
  }

  private static Response camundasAnswer(Throwable exception) {
    // Camunda's helper also logs the failure
    Response answer = ExceptionHandlerHelper.getInstance().getResponse(exception);
    if (exception instanceof ProcessEngineException || exception instanceof RestException
        || exception instanceof WebApplicationException) {
      return answer;
    }
    return Response.status(Response.Status.INTERNAL_SERVER_ERROR).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("type", "InternalServerError",
            "message", "サーバーで処理できませんでした (the server could not process the request)")).build();
  }

  private static <T extends Throwable> T find(Throwable exception, Class<T> type) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return type.cast(cause);
      }
    }
    return null;
  }
}
