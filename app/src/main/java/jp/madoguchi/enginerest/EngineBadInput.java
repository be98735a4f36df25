package jp.madoguchi.enginerest;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.mapper.MultipartFormData;
import org.xml.sax.SAXException;

/**
 * Engine failures that are the caller's mistake, whatever Camunda wraps them in: a refused start
 * ({@link BadUserRequestException}), a file that is not XML, a value PostgreSQL cannot store (SQL
 * state class 22, "data exception": a NUL character, text too long for its column, a number out of
 * range), a password against the policy, a task update that drops the task's tenant id, a condition
 * no start event waits for, a BPMN error or escalation no event of the procedure catches, a file upload
 * that is not multipart, a search Camunda turns into SQL PostgreSQL cannot parse (an empty list), a
 * search or value the engine cannot use ({@link UnusableRequest}). They answer 400 with the reason;
 * everything else keeps Camunda's own answer.
 */
final class EngineBadInput {

  private static final String SYNTAX_ERROR = "42601";
  private static final String UNCAUGHT_ERROR = "ENGINE-02042";
  private static final String UNCAUGHT_ESCALATION = "ENGINE-02043";

  private EngineBadInput() {
  }

  static Optional<Response> response(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof BadUserRequestException badRequest) {
        Map<String, Object> body = body(badRequest.getClass().getSimpleName(), badRequest.getMessage());
        body.put("code", badRequest.getCode());
        if (badRequest instanceof jp.madoguchi.procedure.InvalidFormException invalid) {
          body.put("violations", invalid.getViolations());
        }
        return Optional.of(badRequest(body));
      }
      if (cause instanceof NullPointerException && cause.getMessage() != null
          && cause.getMessage().contains(MultipartFormData.class.getName())) {
        return Optional.of(badRequest(body("NotMultipart",
            "ファイルは multipart/form-data で送ってください (send the file as multipart/form-data)")));
      }
      // where it was thrown tells only for the original failure: Camunda's REST layer wraps an engine
      // failure it caught (a refused form, a server fault alike) in an exception of its own
      if (cause.getCause() == null && UnusableRequest.isCallersMistake(cause)) {
        return Optional.of(badRequest(body("InvalidRequest",
            "送られた検索条件または値を使えません。並べ替え (sorting) や変数の名前・型・値、一覧に空の値がないかを確かめてください "
                + "(the request cannot be used: " + UnusableRequest.reason(cause) + ")")));
      }
      if (cause instanceof SAXException) {
        return Optional.of(badRequest(body("ParseException",
            "ファイルを XML として読めません (not a well-formed XML file: " + cause.getMessage() + ")")));
      }
      if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
        // the database's message may quote the value: it is neither repeated nor logged
        return Optional.of(badRequest(body("InvalidValue",
            "保存できない値です。使えない文字や長すぎる値がないか確認してください "
                + "(a value cannot be stored: check for NUL characters, overlong text or out-of-range numbers)")));
      }
      if (cause instanceof SQLException sql && SYNTAX_ERROR.equals(sql.getSQLState())) {
        // Camunda writes "NOT IN ()" for an empty list in some searches (processDefinitionKeyNotIn=)
        return Optional.of(badRequest(body("InvalidRequest",
            "この検索条件では検索できません。値のない一覧（例: processDefinitionKeyNotIn=）を送っていないか確かめてください "
                + "(the search cannot be run: check for a list parameter without values)")));
      }
      if (cause instanceof ProcessEngineException && (startsWith(cause, UNCAUGHT_ERROR)
          || startsWith(cause, UNCAUGHT_ESCALATION))) {
        return Optional.of(badRequest(body("NoEventCatchesThis",
            "このタスクには、送られたコード（errorCode / escalationCode）を受け取るイベントがありません "
                + "(no event of the procedure catches this code: " + cause.getMessage().trim() + ")")));
      }
      if (cause instanceof ProcessEngineException && "Password does not match policy".equals(cause.getMessage())) {
        return Optional.of(badRequest(body("PasswordPolicyException",
            "パスワードが条件を満たしていません (the password does not meet the password policy)")));
      }
      if (cause instanceof ProcessEngineException && startsWith(cause, "ENGINE-03072")) {
        return Optional.of(badRequest(body("InvalidTask",
            "タスクの tenantId は変えられません。タスクの tenantId をそのまま送ってください "
                + "(a task's tenantId cannot be changed: send the tenantId the task has)")));
      }
      if (cause instanceof ProcessEngineException && startsWith(cause, "ENGINE-13043")) {
        return Optional.of(badRequest(body("NoConditionMatched",
            "条件に合う開始イベントがありません (no conditional start event waits for these values)")));
      }
    }
    return Optional.empty();
  }

  private static boolean startsWith(Throwable exception, String code) {
    return exception.getMessage() != null && exception.getMessage().startsWith(code);
  }

  private static Map<String, Object> body(String type, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    return body;
  }

  private static Response badRequest(Map<String, Object> body) {
    return Response.status(Response.Status.BAD_REQUEST).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
  }
}
