package jp.madoguchi.access;

import org.camunda.bpm.engine.impl.cmd.AbstractSetJobStateCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * No signed-in person suspends or activates a job. A procedure's jobs need UPDATE on the instance for it,
 * which no group has; a job of no procedure needs nothing at all (the command asks no checker), and a
 * suspended history cleanup stops the retention of every municipality. See {@link StaffLimits}.
 */
final class NoJobSuspension extends CommandInterceptor {

  @Override
  public <T> T execute(Command<T> command) {
    if (command instanceof AbstractSetJobStateCmd && StaffLimits.byPerson()) {
      throw StaffLimits.refused("ジョブの停止・再開はできません", "jobs cannot be suspended or activated");
    }
    return next.execute(command);
  }
}
