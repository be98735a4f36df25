package jp.madoguchi.procedure;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import camundajar.impl.scala.Product;
import camundajar.impl.scala.collection.Iterable;
import camundajar.impl.scala.collection.Iterator;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.camunda.feel.syntaxtree.ArithmeticNegation;
import org.camunda.feel.syntaxtree.ConstNumber;
import org.camunda.feel.syntaxtree.Exp;
import org.camunda.feel.syntaxtree.Filter;
import org.camunda.feel.syntaxtree.FunctionInvocation;

/**
 * What FEEL a designer may write where the server evaluates it with residents' values: a form's
 * {@code conditional.hide} (on every submission) and a decision table's expressions and input entries
 * (in the step that decides). Values, fields, comparisons, arithmetic, {@code if}, {@code in} and the
 * functions in {@link #FUNCTIONS}; no loops ({@code for}, {@code some}, {@code every}, filters
 * {@code list[…]}), no functions of the designer's own, no regular expressions and no powers
 * ({@code list[1]}, an entry by its position, is fine): {@code for i in 1..40000 return i} took 8.7 s,
 * a loop over a resident's long list would take as long, and {@code 2 ** 999999999} 1.1 s.
 */
public final class FeelLimits {

  private static final FeelEngineApi FEEL = FeelEngineBuilder.forJava().build();
  private static final String SYNTAX_TREE = "org.camunda.feel.syntaxtree";
  private static final Set<String> NODES = Set.of("ConstNumber", "ConstBool", "ConstString", "ConstNull", "ConstDate",
      "ConstTime", "ConstLocalTime", "ConstDateTime", "ConstLocalDateTime", "ConstYearMonthDuration",
      "ConstDayTimeDuration", "ConstList", "ConstContext", "ConstRange", "OpenConstRangeBoundary",
      "ClosedConstRangeBoundary", "ConstInputValue", "Ref", "PathExpression", "Equal", "LessThan", "LessOrEqual",
      "GreaterThan", "GreaterOrEqual", "Conjunction", "Disjunction", "Not", "Addition", "Subtraction",
      "Multiplication", "Division", "ArithmeticNegation", "If", "In", "InstanceOf", "InputEqualTo",
      "InputLessThan", "InputLessOrEqual", "InputGreaterThan", "InputGreaterOrEqual", "InputInRange", "AtLeastOne",
      "UnaryTestExpression", "FunctionInvocation", "PositionalFunctionParameters", "NamedFunctionParameters");
  private static final Map<String, String> SHOWN = Map.of("For", "for … return", "SomeItem", "some … satisfies",
      "EveryItem", "every … satisfies", "IterationContext", "x in a..b", "Filter", "list[…]", "FunctionDefinition",
      "function(…)", "Exponentiation", "**");
  /**
   * FEEL's built-in functions that read their arguments once. Not matches, replace, split (regular
   * expressions), nor those given a scale (decimal, floor, ceiling, round …: {@code round half up(1.5,
   * 99999999)} took 86 s).
   */
  static final Set<String> FUNCTIONS = Set.of("not", "is defined", "is empty", "is blank", "string length",
      "contains", "starts with", "ends with", "upper case", "lower case", "substring", "substring before",
      "substring after", "trim", "number", "string", "count", "list contains", "sum", "min", "max", "mean", "all",
      "any", "abs", "modulo", "odd", "even", "date", "time", "date and time", "duration",
      "years and months duration", "today", "now", "day of week", "day of year", "month of year", "week of year",
      "get value", "get or else", "context contains");
  private static final String WHAT_TO_WRITE_JA = "（繰り返し（for、some、every、一覧の絞り込み）、関数の定義、正規表現の関数、"
      + "累乗（**）、桁数を指定する関数は使えません。値の比較、and/or、if、in と "
      + String.join("、", new TreeSet<>(FUNCTIONS)) + " で書いてください）";
  private static final String WHAT_TO_WRITE_EN = " (no loops, filters, function definitions, regular expressions, "
      + "powers or functions given a scale; compare values with and/or/if/in and FEEL's reading functions)";

  /** Where a FEEL text stands: what it is called in a refusal, and whether FEEL reads it as unary tests. */
  public enum Use {
    FORM_CONDITION("表示条件", "the condition", false),
    DMN_EXPRESSION("DMN の式", "the DMN expression", false),
    DMN_UNARY_TESTS("DMN の条件", "the DMN unary tests", true);

    private final String ja;
    private final String en;
    private final boolean unaryTests;

    Use(String ja, String en, boolean unaryTests) {
      this.ja = ja;
      this.en = en;
      this.unaryTests = unaryTests;
    }
  }

  private FeelLimits() {
  }

  /** Why the text cannot stand where it does, in Japanese and English, or null. */
  public static String[] problem(String text, Use use) {
    String shown = text.length() > 80 ? text.substring(0, 80) + "…" : text;
    try {
      ParseResult parsed = use.unaryTests ? FEEL.parseUnaryTests(text) : FEEL.parseExpression(text);
      if (!parsed.isSuccess()) {
        return new String[] {use.ja + "「" + shown + "」を FEEL として読めません: " + parsed.failure().message(),
            use.en + " '" + shown + "' is not FEEL: " + parsed.failure().message()};
      }
      Set<String> refused = new TreeSet<>();
      collectRefused(parsed.parsedExpression().expression(), refused);
      if (refused.isEmpty()) {
        return null;
      }
      String listed = String.join(", ", refused);
      return new String[] {use.ja + "「" + shown + "」で使えないもの: " + listed + WHAT_TO_WRITE_JA,
          use.en + " '" + shown + "' uses what is not allowed here: " + listed + WHAT_TO_WRITE_EN};
    } catch (StackOverflowError tooDeep) {
      // the parser and the walk recurse per level of nesting; the engine would fail on it the same way
      return new String[] {use.ja + "「" + shown + "」は括弧や関数の入れ子が深すぎます。分けて短く書いてください",
          use.en + " '" + shown + "' is nested too deeply (parentheses or function calls); write it shorter"};
    }
  }

  /** {@code list[1]}, {@code list[-1]}: FEEL reads an entry by its position as a filter with a number. */
  private static boolean isIndex(Exp filter) {
    return filter instanceof ConstNumber
        || filter instanceof ArithmeticNegation negation && negation.x() instanceof ConstNumber;
  }

  private static void collectRefused(Object node, Set<String> refused) {
    if (node instanceof Iterable<?> collection) {
      for (Iterator<?> items = collection.iterator(); items.hasNext();) {
        collectRefused(items.next(), refused);
      }
      return;
    }
    if (!(node instanceof Product product)) {
      return;
    }
    if (SYNTAX_TREE.equals(node.getClass().getPackageName())) {
      String type = node.getClass().getSimpleName().replace("$", "");
      if (node instanceof Filter filter && isIndex(filter.filter())) {
        collectRefused(filter.list(), refused);
        return;
      }
      if (!NODES.contains(type)) {
        refused.add(SHOWN.getOrDefault(type, type));
      } else if (node instanceof FunctionInvocation call && !FUNCTIONS.contains(call.function())) {
        refused.add(call.function() + "()");
      }
    }
    for (int i = 0; i < product.productArity(); i++) {
      collectRefused(product.productElement(i), refused);
    }
  }
}
