package jp.madoguchi.extension.childallowance;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A simplified estimate of 児童手当 after the October 2024 reform, for the clerk to check (the clerk
 * enters the amount that is certified):
 * <ul>
 *   <li>payment starts with the month after the application (申請月の翌月分から);</li>
 *   <li>ages are taken on the first day of that month;</li>
 *   <li>children are counted oldest first while they are up to the 31 March after turning 22
 *       (大学生年代まで); the third and later counted child gets 30,000 yen;</li>
 *   <li>otherwise under 3: 15,000 yen; from 3 up to the 31 March after turning 18 (高校生年代まで): 10,000 yen;
 *       older children only count for the order.</li>
 * </ul>
 * No income limit applies since the reform. Legal age is reached the day before the birthday.
 */
final class ChildAllowanceRule {

  static final long UNDER_THREE = 15_000;
  static final long THREE_TO_HIGH_SCHOOL = 10_000;
  static final long THIRD_CHILD_ON = 30_000;

  private ChildAllowanceRule() {
  }

  record Share(int rank, int age, long amount) {
  }

  record Estimate(YearMonth startMonth, long monthlyAmount, List<Share> shares) {
  }

  static Estimate estimate(LocalDate applicationDate, List<LocalDate> birthDates) {
    YearMonth start = YearMonth.from(applicationDate).plusMonths(1);
    LocalDate reference = start.atDay(1);
    List<LocalDate> counted = birthDates.stream()
        .filter(birth -> !birth.isAfter(reference) && !reference.isAfter(marchAfterReaching(birth, 22)))
        .sorted(Comparator.naturalOrder())
        .toList();
    List<Share> shares = new ArrayList<>();
    long total = 0;
    for (int i = 0; i < counted.size(); i++) {
      LocalDate birth = counted.get(i);
      int age = Period.between(birth, reference).getYears();
      long amount = reference.isAfter(marchAfterReaching(birth, 18)) ? 0
          : i >= 2 ? THIRD_CHILD_ON : age < 3 ? UNDER_THREE : THREE_TO_HIGH_SCHOOL;
      shares.add(new Share(i + 1, age, amount));
      total += amount;
    }
    return new Estimate(start, total, List.copyOf(shares));
  }

  /** The first 31 March on or after the day the child reaches {@code age}. */
  static LocalDate marchAfterReaching(LocalDate birth, int age) {
    LocalDate reached = birth.plusYears(age).minusDays(1);
    LocalDate march = LocalDate.of(reached.getYear(), 3, 31);
    return reached.isAfter(march) ? march.plusYears(1) : march;
  }
}
