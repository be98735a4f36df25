package jp.madoguchi.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Designers' FEEL without loops, own functions or regular expressions; the rest reads as before. */
class FeelLimitsTests {

  @Test
  void shouldAcceptConditionsThatReadTheFormOnce() {
    for (String condition : new String[] {"decision != \"return\"", "informationLabel = null", "string length(a) > 0",
        "a between 1 and 3", "x in [1..5]", "if a = \"x\" then true else false", "not(a = \"x\") and b < 2",
        "items[1].size = \"L\"", "items[-1].size = \"L\"", "date(d) < today()", "x instance of string",
        "a.b.c = 1", "count(items) > 3 or list contains(tags, \"x\")", "starts with(upper case(code), \"A\")"}) {
      assertThat(FeelLimits.problem(condition, FeelLimits.Use.FORM_CONDITION)).as(condition).isNull();
    }
  }

  @Test
  void shouldRefuseLoopsOwnFunctionsAndRegularExpressions() {
    assertRefused("count(for i in 1..1000000 return i) > 0", "for … return");
    assertRefused("some x in items satisfies x.size = \"L\"", "some … satisfies");
    assertRefused("every x in [1, 2] satisfies x > 0", "every … satisfies");
    assertRefused("count(items[size = \"L\"]) > 0", "list[…]");
    assertRefused("items[a].size = \"L\"", "list[…]");
    assertRefused("{f: function(x) x + 1, r: f(1)}.r = 2", "function(…)");
    assertRefused("matches(a, \"(.*a){8}\")", "matches()");
    assertRefused("count(split(a, \",\")) > 1", "split()");
    assertRefused("replace(a, \"a\", \"b\") = \"b\"", "replace()");
    assertRefused("2 ** 999999999 > n", "**");
    assertRefused("round half up(n, 99999999) > 0", "round half up()");
    assertRefused("floor(n, 9999999) > 0", "floor()");
  }

  @Test
  void shouldRefuseWhatFeelCannotRead() {
    String[] problem = FeelLimits.problem("a = ", FeelLimits.Use.FORM_CONDITION);
    assertThat(problem).isNotNull();
    assertThat(problem[0]).contains("FEEL として読めません");
    assertThat(problem[1]).startsWith("the condition 'a = ' is not FEEL");
  }

  /** FEEL's parser recurses per level: a deep condition overflowed the stack of whoever deployed it. */
  @Test
  void shouldRefuseConditionsNestedTooDeeplyNamingTheirStart() {
    for (String condition : new String[] {"(".repeat(5000) + "a" + ")".repeat(5000) + " = 1",
        "not(".repeat(5000) + "a" + ")".repeat(5000)}) {
      String[] problem = FeelLimits.problem(condition, FeelLimits.Use.DMN_EXPRESSION);
      assertThat(problem).isNotNull();
      assertThat(problem[0]).contains("入れ子が深すぎます").hasSizeLessThan(200);
      assertThat(problem[1]).startsWith("the DMN expression '" + condition.substring(0, 80) + "…'")
          .endsWith("is nested too deeply (parentheses or function calls); write it shorter");
    }
    assertThat(FeelLimits.problem("(".repeat(20) + "a" + ")".repeat(20) + " = 1", FeelLimits.Use.FORM_CONDITION))
        .isNull();
  }

  private static void assertRefused(String condition, String named) {
    String[] problem = FeelLimits.problem(condition, FeelLimits.Use.FORM_CONDITION);
    assertThat(problem).as(condition).isNotNull();
    assertThat(problem[0]).as(condition).contains("表示条件", named);
    assertThat(problem[1]).as(condition).contains("is not allowed here: ", named);
  }
}
