package jp.madoguchi.enginerest;

import java.util.Arrays;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A request the engine cannot use, though nothing went wrong on the server: a sorting by a variable
 * without its name or type, {@code null} in a list of ids, an object as a variable's value in a
 * search, {@code orQueries} in a query string, a file variable without its name, an identity link
 * without its type. Camunda answers these with a 500: its query objects and commands check their
 * arguments with {@code NullValueException}s, some of its DTOs fail with a
 * {@code NullPointerException} or a reflection error. They are recognised by where they were thrown:
 * while the REST layer turned the request into the engine's terms, while the engine prepared a
 * search's variable conditions, or while it built the command the request asked for; not in code
 * the engine ran for the request (a listener, a delegate), whose failures stay Camunda's 500.
 */
final class UnusableRequest {

  private static final String REST_DTO_PACKAGE = ".engine.rest.dto.";
  private static final Set<String> READING_THE_REQUEST = Set.of("toQuery", "applyFilters", "applySortBy",
      "applySortingOptions", "setValueBasedOnAnnotation", "toTypedValue");
  private static final String VARIABLE_CONDITION = ".engine.impl.QueryVariableValue";
  private static final String COMMAND_PACKAGE = ".engine.impl.cmd.";
  private static final String COMMAND_EXECUTION = ".engine.impl.interceptor.CommandExecutorImpl";

  private UnusableRequest() {
  }

  static boolean isCallersMistake(Throwable exception) {
    StackTraceElement[] frames = exception.getStackTrace();
    long commands = Arrays.stream(frames)
        .filter(frame -> frame.getClassName().endsWith(COMMAND_EXECUTION)).count();
    for (StackTraceElement frame : frames) {
      String type = frame.getClassName();
      String method = frame.getMethodName();
      boolean readingTheRequest = type.contains(REST_DTO_PACKAGE) && READING_THE_REQUEST.contains(method)
          || type.contains(COMMAND_PACKAGE) && "<init>".equals(method);
      if (readingTheRequest && commands == 0
          || type.endsWith(VARIABLE_CONDITION) && "initialize".equals(method) && commands == 1) {
        return true;
      }
    }
    return false;
  }

  /** The engine's reason where it wrote one for people; the JDK's messages name Java types instead. */
  static String reason(Throwable exception) {
    StackTraceElement[] frames = exception.getStackTrace();
    boolean engines = exception instanceof ProcessEngineException
        || exception instanceof IllegalArgumentException && frames.length > 0
            && !frames[0].getClassName().startsWith("java.") && !frames[0].getClassName().startsWith("jdk.");
    return engines && exception.getMessage() != null ? exception.getMessage()
        : "a value is missing or has the wrong type";
  }
}
