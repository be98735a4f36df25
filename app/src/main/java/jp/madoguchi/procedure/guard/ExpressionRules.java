package jp.madoguchi.procedure.guard;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jp.madoguchi.procedure.ProcedureExpressions;
import jp.madoguchi.procedure.ProcedureExpressions.Expression;
import jp.madoguchi.procedure.ValueMethods;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

/**
 * Every {@code ${...}} and {@code #{...}} of a BPMN file (delegates, conditions, listeners,
 * input/output, timers, candidate groups, due dates …) may use process variables, the procedure
 * building blocks and the engine's date and user functions, and nothing that reaches Java reflection,
 * the engine's objects or any other bean of the application, nor a method of a value that
 * {@link ValueMethods} refuses, nor parentheses nested deeper than the engine's parser can follow.
 */
final class ExpressionRules {

  /** The engine's expression parser recurses per level: 5,000 levels overflowed the deploying thread's stack. */
  private static final int MAX_NESTING = 32;
  private static final Set<String> ENGINE_FUNCTIONS = Set.of("now", "dateTime", "currentUser", "currentUserGroups");
  private static final Set<String> ENGINE_OBJECTS = Set.of("execution", "task", "externalTask", "caseExecution");

  private ExpressionRules() {
  }

  static void check(ParsedDeployment.BpmnFile file, GuardEnvironment environment, Reasons reasons) {
    for (Element element : XmlFiles.elements(file.xml())) {
      String owner = XmlFiles.owner(element);
      NamedNodeMap attributes = element.getAttributes();
      for (int i = 0; i < attributes.getLength(); i++) {
        check(((Attr) attributes.item(i)).getValue(), file.name(), owner, environment, reasons);
      }
      check(XmlFiles.ownText(element), file.name(), owner, environment, reasons);
    }
  }

  private static void check(String text, String file, String owner, GuardEnvironment environment, Reasons reasons) {
    if (!ProcedureExpressions.hasExpression(text)) {
      return;
    }
    for (Expression expression : ProcedureExpressions.in(text)) {
      String shown = Reasons.shown(expression.text());
      if (expression.nesting() > MAX_NESTING) {
        reasons.add(file, owner, "式「" + shown + "」は括弧の入れ子が深すぎます（" + expression.nesting() + " 段。"
            + MAX_NESTING + " 段まで）", "expression '" + shown + "' nests parentheses too deeply (" + expression.nesting()
            + " levels, at most " + MAX_NESTING + ")");
      }
      if (!expression.closed()) {
        reasons.add(file, owner, "式「" + shown + "」が閉じていません（} がありません）",
            "expression '" + shown + "' is not closed (missing })");
      }
      for (String name : sorted(expression.allNames())) {
        if (ProcedureExpressions.REFLECTIVE_NAMES.contains(name)) {
          reasons.add(file, owner, "式で「" + name + "」は使えません（Java のリフレクションやエンジン内部には触れられません）",
              "'" + name + "' is not allowed in expressions (no reflection, no engine internals)");
        }
      }
      for (String method : sorted(expression.methods())) {
        if (ValueMethods.REFUSED_NAMES.contains(method)) {
          reasons.add(file, owner, "値（文字・一覧・対応表・日付）のメソッド「" + method + "」は使えません"
              + "（値を際限なく大きくしたり、書き換えたり、正規表現で長く照合したりするため）。"
              + "読むだけのメソッド（length、substring、contains、get など）は使えます",
              "method '" + method + "' of a value (text, list, map, date) is not allowed (it grows a value without "
              + "bound, changes it or runs a regular expression); reading methods (length, substring, contains, get …) are");
        }
      }
      for (String function : sorted(expression.functions())) {
        if (!ENGINE_FUNCTIONS.contains(function)) {
          reasons.add(file, owner, "式の関数「" + function + "」は使えません（使えるのは now()、dateTime()、currentUser()、currentUserGroups()）",
              "function '" + function + "' is not allowed (only now(), dateTime(), currentUser(), currentUserGroups())");
        }
      }
      for (String root : sorted(expression.roots())) {
        if (ENGINE_OBJECTS.contains(root)) {
          reasons.add(file, owner, "式で「" + root + "」は使えません。必要な値はプロセス変数（例：${applicationNumber}）で使ってください",
              "'" + root + "' is not allowed in expressions; use process variables such as ${applicationNumber}");
        } else if (!environment.buildingBlocks().contains(root) && environment.isApplicationBean(root)) {
          List<String> blocks = sorted(environment.buildingBlocks());
          reasons.add(file, owner, "「" + root + "」は手続の部品ではありません。使える部品：" + String.join(", ", blocks),
              "'" + root + "' is not a procedure building block; building blocks: " + String.join(", ", blocks));
        }
      }
    }
  }

  private static List<String> sorted(Set<String> names) {
    return List.copyOf(new TreeSet<>(names));
  }
}
