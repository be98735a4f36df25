package jp.madoguchi.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

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
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("Task_Pay")
          .hasMessageContaining("whole number of yen");
    }
  }
}
