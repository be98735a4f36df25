package jp.madoguchi.encryption;

import java.util.Arrays;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextListener;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Engine failures without the resident's data in them. The engine logs a failed command with its
 * exception as it is (which may quote a value); that logging is switched off and done here instead,
 * with the masked copy from {@link FailureRedaction}, at the engine's levels. A plain engine failure
 * (HTTP 500 anyway) also leaves the engine masked, so the REST API's answer and log, and the job
 * executor's log, quote nothing either; typed exceptions callers rely on pass unchanged. A caller
 * asking for an id that does not exist or is another tenant's, or searching for a value the engine
 * cannot search for, gets one INFO line, not an ERROR; so does any other failure of a request whose
 * answer was a 4xx ({@link EngineFailuresOfRequests}).
 */
final class EngineFailures {

  private static final Logger log = LoggerFactory.getLogger(EngineFailures.class);
  private static final String TENANT_REFUSAL = "ENGINE-13034 ";
  private static final String VARIABLE_CONDITION = ".engine.impl.QueryVariableValue";
  private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

  private EngineFailures() {
  }

  /** Outermost: logs and rethrows. */
  static CommandInterceptor logging(FailureRedaction redaction) {
    return new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        int[] depth = DEPTH.get();
        depth[0]++;
        try {
          return next.execute(command);
        } catch (RuntimeException failure) {
          if (depth[0] > 1) {
            throw failure;
          }
          Throwable masked = redaction.masked(failure);
          logFailure(failure, masked);
          throw replaceable(failure) && masked instanceof RuntimeException runtime ? runtime : failure;
        } finally {
          depth[0]--;
        }
      }
    };
  }

  /** Innermost: has the failing command's context, so it knows which values the command held. */
  static CommandInterceptor recording(FailureRedaction redaction) {
    CommandContextListener listener = new CommandContextListener() {
      @Override
      public void onCommandContextClose(CommandContext commandContext) {
        // nothing to do when the command succeeds
      }

      @Override
      public void onCommandFailed(CommandContext commandContext, Throwable failure) {
        redaction.commandFailed(commandContext, failure);
      }
    };
    return new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        Context.getCommandContext().registerCommandContextListener(listener);
        return next.execute(command);
      }
    };
  }

  /**
   * A caller's command about an id that does not exist or is another tenant's (ENGINE-13034): the
   * request, not a fault. In a job it is a fault of the procedure.
   */
  private static boolean asksForWhatItCannotSee(RuntimeException failure) {
    if (Context.getJobExecutorContext() != null) {
      return false;
    }
    boolean tenantRefusal = failure.getClass() == ProcessEngineException.class && failure.getMessage() != null
        && failure.getMessage().startsWith(TENANT_REFUSAL);
    return tenantRefusal || failure instanceof NotFoundException || failure instanceof NullValueException
        || searchesForAnUnsearchableValue(failure);
  }

  /** An object or file as a search's variable value: the engine refuses it while it prepares the query (REST: 400). */
  private static boolean searchesForAnUnsearchableValue(RuntimeException failure) {
    return Arrays.stream(failure.getStackTrace()).anyMatch(frame -> frame.getClassName().endsWith(VARIABLE_CONDITION)
        && "initialize".equals(frame.getMethodName()));
  }

  private static boolean replaceable(RuntimeException failure) {
    return failure.getClass() == ProcessEngineException.class || !(failure instanceof ProcessEngineException);
  }

  /** Refused by an authorization or by a rule the engine checks in a listener (Camunda wraps those). */
  private static boolean refusedByARule(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof AuthorizationException) {
        return true;
      }
    }
    return false;
  }

  private static void logFailure(RuntimeException failure, Throwable masked) {
    if (failure instanceof TaskAlreadyClaimedException) {
      log.info("Engine command failed: {}", masked.toString());
    } else if (asksForWhatItCannotSee(failure)) {
      // a stale Tasklist tab, a colleague's completed task, another department's link: one line, no alarm
      log.info("Engine command refused: {}", masked.getMessage());
    } else if (failure instanceof OptimisticLockingException || failure instanceof BadUserRequestException
        || refusedByARule(failure)) {
      log.debug("Engine command failed", masked);
    } else if (Context.getJobExecutorContext() != null || !EngineFailuresOfRequests.defer(masked)) {
      log.error("Engine command failed", masked);
    }
  }

  /** A failure of a command run for an HTTP request, once the request's answer is known. */
  static void logAnswered(Throwable masked, int status) {
    if (status >= 500) {
      log.error("Engine command failed", masked);
    } else {
      log.info("Engine command refused (HTTP {}): {}", status, masked.toString());
    }
  }
}
