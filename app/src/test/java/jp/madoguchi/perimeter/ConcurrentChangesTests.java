package jp.madoguchi.perimeter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.sql.SQLException;

import jp.madoguchi.database.ConcurrentChange;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The floor under every controller without advice of its own: a request that lost a race is a 409
 * with what to do; any other failure is left to Spring's default handling, as without the advice.
 */
class ConcurrentChangesTests {

  @RestController
  static class Racing {

    @PostMapping("/race/{kind}")
    void fail(@PathVariable String kind) {
      throw switch (kind) {
        case "optimistic" -> new OptimisticLockingException("ENGINE-03005 UPDATE UserEntity[x] failed");
        case "unique" -> new DuplicateKeyException("insert", new SQLException("duplicate key", "23505"));
        case "engine-unique" -> new ProcessEnginePersistenceException("flush",
            new SQLException("duplicate key value violates unique constraint", "23505"));
        case "deadlock" -> new ProcessEngineException("flush", new SQLException("deadlock detected", "40P01"));
        case "outage" -> new CannotGetJdbcConnectionException("no connection", new SQLException("refused", "08001"));
        default -> new ProcessEngineException("ENGINE-09005 could not parse BPMN");
      };
    }
  }

  private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Racing())
      .setControllerAdvice(new ConcurrentChanges()).build();

  @Test
  void shouldAnswerARequestThatLostARaceWith409() throws Exception {
    for (String kind : new String[] {"optimistic", "unique", "engine-unique", "deadlock"}) {
      MvcResult result = mvc.perform(post("/race/" + kind)).andReturn();
      assertThat(result.getResponse().getStatus()).as(kind).isEqualTo(409);
      assertThat(result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).as(kind)
          .contains(ConcurrentChange.MESSAGE).doesNotContain("ENGINE-", "duplicate");
    }
  }

  @Test
  void shouldLeaveEveryOtherFailureToSpringsDefaultHandling() {
    for (String kind : new String[] {"outage", "other"}) {
      assertThatThrownBy(() -> mvc.perform(post("/race/" + kind))).as(kind)
          .hasRootCauseInstanceOf(kind.equals("outage") ? SQLException.class : ProcessEngineException.class);
    }
  }
}
