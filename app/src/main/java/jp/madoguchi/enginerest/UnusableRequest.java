package jp.madoguchi.enginerest;

import java.util.Arrays;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A request the engine cannot use, though nothing went wrong on the server: a sorting by a variable
 * without its name or type, {@code null} in a list of ids or of instructions, a variable without a
 * value object, a missing required field ({@code retries}, {@code workerId}, a migration plan), an
 * id the engine's whitelist refuses, an object as a variable's value in a search. Camunda answers
 * these with a 500: its REST layer reads the request with {@code NullPointerException}s on what is
 * missing, its commands check their arguments with {@code NullValueException}s. They are recognised
 * by where they were thrown:
 * <ul>
 * <li>while the REST layer turned the request into the engine's terms: a resource method runs, no
 * engine command does, and no answer is being built from the engine's results (Camunda's
 * {@code from…} conversions, the HAL resources);</li>
 * <li>by the engine's argument checks ({@code EnsureUtil}) in the command the request asked for, or in
 * a query or builder that command set up, before anything else ran;</li>
 * <li>while the engine prepared a search's variable conditions;</li>
 * <li>by a search's own check that two of its conditions cannot be combined ("Invalid query usage"),
 * also when a filter's conditions meet those a request adds to them: the Department queue filter's
 * candidate groups and a candidate user, which Camunda only notices while it runs the search.</li>
 * </ul>
 * Failures in code the engine runs for the request (a listener, a delegate, the process itself)
 * stay Camunda's 500.
 */
final class UnusableRequest {

  private static final String REST_PACKAGE = ".engine.rest.";
  private static final String REST_RESOURCES = ".engine.rest.impl.";
  private static final String REST_SUB_RESOURCES = ".engine.rest.sub.";
  private static final String REST_HAL = ".engine.rest.hal.";
  private static final String ARGUMENT_CHECKS = ".engine.impl.util.EnsureUtil";
  private static final String VARIABLE_CONDITION = ".engine.impl.QueryVariableValue";
  private static final String COMMAND_EXECUTION = ".engine.impl.interceptor.CommandExecutorImpl";
  private static final String CONDITIONS_THAT_CANNOT_BE_COMBINED = "Invalid query usage";

  private UnusableRequest() {
  }

  static boolean isCallersMistake(Throwable exception) {
    StackTraceElement[] frames = exception.getStackTrace();
    long commands = Arrays.stream(frames).filter(frame -> frame.getClassName().endsWith(COMMAND_EXECUTION)).count();
    return commands == 0 && readingTheRequest(frames)
        || commands == 1 && (checkingTheArguments(frames) || preparingVariableConditions(frames))
        || combiningConditions(exception, frames);
  }

  private static boolean combiningConditions(Throwable exception, StackTraceElement[] frames) {
    return exception instanceof ProcessEngineException && exception.getMessage() != null
        && exception.getMessage().startsWith(CONDITIONS_THAT_CANNOT_BE_COMBINED)
        && frames.length > 0 && frames[0].getClassName().endsWith("QueryImpl");
  }

  private static boolean readingTheRequest(StackTraceElement[] frames) {
    for (StackTraceElement frame : frames) {
      String type = frame.getClassName();
      if (!type.contains(REST_PACKAGE)) {
        continue;
      }
      if (type.contains(REST_HAL) || frame.getMethodName().startsWith("from")) {
        return false;
      }
      if (type.contains(REST_RESOURCES) || type.contains(REST_SUB_RESOURCES)) {
        return true;
      }
    }
    return false;
  }

  private static boolean checkingTheArguments(StackTraceElement[] frames) {
    boolean checked = false;
    for (StackTraceElement frame : frames) {
      String type = frame.getClassName();
      if (type.startsWith("java.") || type.startsWith("jdk.")) {
        continue;
      }
      if (type.endsWith(ARGUMENT_CHECKS)) {
        checked = true;
      } else if (!checked) {
        return false;
      } else if (!type.endsWith("QueryImpl") && !type.endsWith("BuilderImpl")) {
        return type.contains(".cmd.");
      }
    }
    return false;
  }

  private static boolean preparingVariableConditions(StackTraceElement[] frames) {
    return Arrays.stream(frames).anyMatch(frame -> frame.getClassName().endsWith(VARIABLE_CONDITION)
        && "initialize".equals(frame.getMethodName()));
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
