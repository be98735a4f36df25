package jp.madoguchi.procedure.guard;

import java.util.Locale;

import org.w3c.dom.Element;

/**
 * Decision tables are written in FEEL, which cannot call Java (the engine keeps FEEL's external
 * functions off); JUEL and script languages in a DMN file are refused.
 */
final class DmnRules {

  private DmnRules() {
  }

  static void check(ParsedDeployment.DmnFile file, Reasons reasons) {
    for (Element element : XmlFiles.elements(file.xml())) {
      String language = element.getAttribute("expressionLanguage");
      if (!language.isEmpty() && !language.toLowerCase(Locale.ROOT).contains("feel")) {
        reasons.add(file.name(), XmlFiles.owner(element), "DMN の式は FEEL で書いてください（" + language + " は使えません）",
            "write DMN expressions in FEEL (" + language + " is not allowed)");
      }
    }
  }
}
