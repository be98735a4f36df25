package jp.madoguchi.system;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A request that collided with another one running at the same moment (e.g. two starts with one
 * Idempotency-Key): {@code /engine-rest} answers 409 with the message, and the client sends it again.
 */
public abstract class ConcurrentRequestException extends ProcessEngineException {

  protected ConcurrentRequestException(String message) {
    super(message);
  }
}
