package jp.madoguchi.enginerest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jp.madoguchi.procedure.DeploymentRefusedException;
import jp.madoguchi.procedure.RefusalReason;

/**
 * A deployment the deploy guard refused: 400 with every reason (file, element, Japanese, English) so
 * that the designer can fix them, or 403 when the caller may not deploy for that tenant at all. The
 * reasons are also written into {@code message}, a line each: Camunda Modeler shows a failed
 * deployment's {@code message} in its log and nothing else of the answer.
 */
@Provider
public class DeploymentRefusedHandler implements ExceptionMapper<DeploymentRefusedException> {

  @Override
  public Response toResponse(DeploymentRefusedException exception) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "DeploymentRefused");
    body.put("message", message(exception));
    List<Map<String, String>> reasons = exception.getReasons().stream().map(DeploymentRefusedHandler::reason).toList();
    body.put("reasons", reasons);
    Response.Status status = exception.isForbidden() ? Response.Status.FORBIDDEN : Response.Status.BAD_REQUEST;
    return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  private static String message(DeploymentRefusedException exception) {
    StringBuilder message = new StringBuilder(exception.isForbidden()
        ? "この自治体にはデプロイできません (you may not deploy for this tenant)"
        : "手続の内容に直すところがあります (the procedure needs changes):");
    exception.getReasons().forEach(reason -> message.append("\n- ").append(reason));
    return message.toString();
  }

  private static Map<String, String> reason(RefusalReason reason) {
    Map<String, String> json = new LinkedHashMap<>();
    json.put("resource", reason.resource());
    json.put("element", reason.element());
    json.put("ja", reason.ja());
    json.put("en", reason.en());
    return json;
  }
}
