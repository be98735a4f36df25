package jp.madoguchi.access;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jp.madoguchi.procedure.FormField;
import jp.madoguchi.procedure.ProcedureForms;
import jp.madoguchi.web.RequestPaths;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Completing a task (complete, submit-form, resolve, BPMN error or escalation; through /engine-rest
 * or the webapps' own REST) sets only the fields of that task's form: the clerk's decision, never the
 * resident's application data ({@code address}, {@code phone} …), which exists once, encrypted, in the
 * application and as the process variables it started with. The values themselves are checked by the
 * form validation when the task completes. Every other way to write a variable needs a permission that
 * no staff group has.
 */
final class TaskFormFieldsOnly extends OncePerRequestFilter {

  private static final Pattern TASK_ACTION = Pattern.compile(
      "^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)/task/([^/]+)/(?:complete|submit-form|resolve|bpmnError|bpmnEscalation)/?$");
  private static final int MAX_BODY_BYTES = 1024 * 1024;

  private final TaskForms taskForms;
  private final ObjectMapper json;

  TaskFormFieldsOnly(TaskForms taskForms, ObjectMapper json) {
    this.taskForms = taskForms;
    this.json = json;
  }

  /** The fields a task's form lets the clerk fill in, for a task the user may see. */
  interface TaskForms {
    Optional<List<FormField>> editableFields(HttpServletRequest request, String taskId);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher action = TASK_ACTION.matcher(RequestPaths.of(request));
    if (!"POST".equals(request.getMethod()) || !action.matches()) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
    if (body.length > MAX_BODY_BYTES) {
      refuse(response, 413, "送信内容が大きすぎます (the request body exceeds 1 MB)", List.of());
      return;
    }
    List<String> submitted = variableNames(body);
    if (!submitted.isEmpty()) {
      Optional<List<FormField>> fields = taskForms.editableFields(request, action.group(1));
      if (fields.isPresent()) {
        Set<String> allowed = fields.get().stream().map(FormField::key).collect(Collectors.toSet());
        List<String> foreign = submitted.stream().filter(name -> !allowed.contains(name)).toList();
        if (!foreign.isEmpty()) {
          refuse(response, 400, "このタスクのフォームにない項目は送れません。申請内容は変更できません "
              + "(only the fields of this task's form can be submitted; application data cannot be changed): "
              + String.join(", ", foreign), foreign);
          return;
        }
      }
    }
    chain.doFilter(new CachedBody(request, body), response);
  }

  private List<String> variableNames(byte[] body) {
    try {
      JsonNode variables = json.readTree(body).path("variables");
      List<String> names = new ArrayList<>();
      variables.fieldNames().forEachRemaining(names::add);
      return names;
    } catch (IOException | RuntimeException e) {
      // not JSON: Camunda answers it with its own 400
      return List.of();
    }
  }

  private void refuse(HttpServletResponse response, int status, String message, List<String> fields) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    json.writeValue(response.getOutputStream(), Map.of("type", "InvalidTaskVariables", "message", message,
        "fields", fields));
  }

  /** The request with its body already read. */
  private static final class CachedBody extends HttpServletRequestWrapper {

    private final byte[] body;

    CachedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      InputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() throws IOException {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          try {
            return in.available() == 0;
          } catch (IOException e) {
            return true;
          }
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }
      };
    }

    @Override
    public java.io.BufferedReader getReader() {
      return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
  }
}
