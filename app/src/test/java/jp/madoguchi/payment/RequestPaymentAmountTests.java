package jp.madoguchi.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

/** The amount of a "request payment" step: whole yen, positive, or a clear error for the designer. */
class RequestPaymentAmountTests {

  @Test
  void shouldAcceptWholeYenInTheTypesExpressionsProduce() {
    assertThat(RequestPaymentDelegate.amount("Task_Pay", 600L)).isEqualTo(600);
    assertThat(RequestPaymentDelegate.amount("Task_Pay", 300)).isEqualTo(300);
    assertThat(RequestPaymentDelegate.amount("Task_Pay", 900.0)).isEqualTo(900);
    assertThat(RequestPaymentDelegate.amount("Task_Pay", new BigDecimal("1200.00"))).isEqualTo(1200);
    assertThat(RequestPaymentDelegate.amount("Task_Pay", " 450 ")).isEqualTo(450);
  }

  @Test
  void shouldRefuseAnythingElseNamingTheStep() {
    for (Object wrong : new Object[] {null, 0L, -300L, 300.5, "三百円", "", true, 10_000_001L}) {
      assertThatThrownBy(() -> RequestPaymentDelegate.amount("Task_Pay", wrong))
          .as(String.valueOf(wrong))
          .isInstanceOf(ProcessEngineException.class)
          .hasMessageContaining("Task_Pay")
          .hasMessageContaining("whole number of yen");
    }
  }

  /** What the deploy guard asks of an amount and a description written out in the model. */
  @Test
  void shouldTellTheGuardWhichWrittenValuesWillNotDo() {
    RequestPaymentDelegate block = new RequestPaymentDelegate(null, null, null, null);
    assertThat(block.problem("amount", "300")).isNull();
    assertThat(block.problem("amount", " 1200 ")).isNull();
    for (String wrong : new String[] {"300円", "三百", "0", "-300", "300.5", "10000001", ""}) {
      assertThat(block.problem("amount", wrong)).as(wrong).isNotNull()
          .satisfies(problem -> assertThat(problem[1]).contains("'" + wrong + "'", "whole number of yen from 1 to 10000000"));
    }
    assertThat(block.problem("paymentDescription", "住民票の写しの手数料")).isNull();
    assertThat(block.problem("paymentDescription", "あ".repeat(201))).isNotNull();
    assertThat(block.problem("cancelReason", "何でも")).as("inputs it does not check").isNull();
  }
}
