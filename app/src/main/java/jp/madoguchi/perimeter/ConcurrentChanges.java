package jp.madoguchi.perimeter;

import java.util.Map;

import jp.madoguchi.database.ConcurrentChange;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A request that lost a race with another one changing the same thing (two admins saving one
 * account, a unique key taken a moment before) is a 409 with what to do, not a 500; any other
 * engine or database failure keeps Spring's answer. Feature-specific advice may answer more
 * precisely; this is the floor.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ConcurrentChanges {

  @ExceptionHandler({ProcessEngineException.class, DataAccessException.class})
  ResponseEntity<Map<String, String>> lostRace(RuntimeException e) {
    if (!ConcurrentChange.isCause(e)) {
      // rethrowing the exception handled leaves it to Spring's default handling, as without this advice
      throw e;
    }
    return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("message", ConcurrentChange.MESSAGE));
  }
}
