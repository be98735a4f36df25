package jp.madoguchi.extension.childallowance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

class ChildAllowanceRuleTests {

  private static final LocalDate APPLIED = LocalDate.of(2026, 11, 26);

  @Test
  void shouldStartWithTheMonthAfterTheApplication() {
    assertThat(ChildAllowanceRule.estimate(APPLIED, List.of()).startMonth()).isEqualTo(YearMonth.of(2026, 12));
    assertThat(ChildAllowanceRule.estimate(LocalDate.of(2026, 12, 31), List.of()).startMonth())
        .isEqualTo(YearMonth.of(2027, 1));
  }

  @Test
  void shouldPayFifteenThousandUnderThreeAndTenThousandUpToHighSchoolAge() {
    var estimate = ChildAllowanceRule.estimate(APPLIED, List.of(LocalDate.of(2024, 1, 10), LocalDate.of(2016, 5, 1)));

    assertThat(estimate.monthlyAmount()).isEqualTo(25_000);
    assertThat(estimate.shares()).containsExactly(new ChildAllowanceRule.Share(1, 10, 10_000),
        new ChildAllowanceRule.Share(2, 2, 15_000));
  }

  @Test
  void shouldPayThirtyThousandFromTheThirdChildCountingStudentsUpToTwentyTwo() {
    // 20 (university age: counted, no allowance), 10, 1 (third child)
    var estimate = ChildAllowanceRule.estimate(APPLIED,
        List.of(LocalDate.of(2006, 6, 1), LocalDate.of(2016, 6, 1), LocalDate.of(2025, 6, 1)));

    assertThat(estimate.shares()).extracting(ChildAllowanceRule.Share::amount).containsExactly(0L, 10_000L, 30_000L);
    assertThat(estimate.monthlyAmount()).isEqualTo(40_000);
  }

  @Test
  void shouldNotCountAChildPastTheMarchAfterTurningTwentyTwo() {
    var estimate = ChildAllowanceRule.estimate(APPLIED,
        List.of(LocalDate.of(2003, 6, 1), LocalDate.of(2016, 6, 1), LocalDate.of(2025, 6, 1)));

    assertThat(estimate.shares()).extracting(ChildAllowanceRule.Share::amount).containsExactly(10_000L, 15_000L);
  }

  @Test
  void shouldEndHighSchoolAgeOnTheThirtyFirstOfMarchAfterTheEighteenthBirthday() {
    assertThat(ChildAllowanceRule.marchAfterReaching(LocalDate.of(2008, 6, 1), 18)).isEqualTo(LocalDate.of(2027, 3, 31));
    // born on 1 April: legally 18 on 31 March, the same day
    assertThat(ChildAllowanceRule.marchAfterReaching(LocalDate.of(2008, 4, 1), 18)).isEqualTo(LocalDate.of(2026, 3, 31));
    assertThat(ChildAllowanceRule.marchAfterReaching(LocalDate.of(2008, 4, 2), 18)).isEqualTo(LocalDate.of(2027, 3, 31));
  }
}
