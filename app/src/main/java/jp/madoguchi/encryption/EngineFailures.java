package jp.madoguchi.encryption;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
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
 * executor's log, quote nothing either; typed exceptions callers rely on pass unchanged.
 */
final class EngineFailures {

  private static final Logger log = LoggerFactory.getLogger(EngineFailures.class);
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

  private static boolean replaceable(RuntimeException failure) {
    return failure.getClass() == ProcessEngineException.class || !(failure instanceof ProcessEngineException);
  }

  private static void logFailure(RuntimeException failure, Throwable masked) {
    if (failure instanceof TaskAlreadyClaimedException) {
      log.info("Engine command failed: {}", masked.toString());
    } else if (failure instanceof OptimisticLockingException || failure instanceof BadUserRequestException
        || failure instanceof AuthorizationException) {
      log.debug("Engine command failed", masked);
    } else {
      log.error("Engine command failed", masked);
    }
  }
}
