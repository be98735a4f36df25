package jp.madoguchi.procedure.guard;

import java.util.Locale;
import java.util.Set;

import jp.madoguchi.procedure.FeelLimits;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Decision tables are written in FEEL, which cannot call Java (the engine keeps FEEL's external
 * functions off); JUEL and script languages in a DMN file are refused, and so is FEEL that loops, runs
 * regular expressions or nests too deeply ({@link FeelLimits}): a decision runs inside the step that
 * asks for it.
 */
final class DmnRules {

  private static final Set<String> UNARY_TESTS = Set.of("inputEntry", "inputValues", "outputValues");
  private static final Set<String> EXPRESSIONS = Set.of("inputExpression", "outputEntry", "literalExpression");

  private DmnRules() {
  }

  static void check(ParsedDeployment.DmnFile file, Reasons reasons) {
    for (Element element : XmlFiles.elements(file.xml())) {
      if (!isFeel(element)) {
        String language = element.getAttribute("expressionLanguage");
        reasons.add(file.name(), XmlFiles.owner(element), "DMN の式は FEEL で書いてください（" + language + " は使えません）",
            "write DMN expressions in FEEL (" + language + " is not allowed)");
      } else if ("text".equals(element.getLocalName())) {
        checkFeel(element, file, reasons);
      }
    }
  }

  private static boolean isFeel(Element element) {
    String language = element.getAttribute("expressionLanguage");
    return language.isEmpty() || language.toLowerCase(Locale.ROOT).contains("feel");
  }

  private static void checkFeel(Element text, ParsedDeployment.DmnFile file, Reasons reasons) {
    String feel = text.getTextContent().trim();
    Node holder = text.getParentNode();
    String holderName = holder == null ? "" : holder.getLocalName();
    boolean unaryTests = UNARY_TESTS.contains(holderName);
    if (feel.isEmpty() || unaryTests && "-".equals(feel) || !(unaryTests || EXPRESSIONS.contains(holderName))
        || holder instanceof Element held && !isFeel(held)) {
      return; // "-" and nothing: any value; another language is refused above
    }
    String[] problem = FeelLimits.problem(feel,
        unaryTests ? FeelLimits.Use.DMN_UNARY_TESTS : FeelLimits.Use.DMN_EXPRESSION);
    if (problem != null) {
      reasons.add(file.name(), XmlFiles.owner(text), problem[0], problem[1]);
    }
  }
}
