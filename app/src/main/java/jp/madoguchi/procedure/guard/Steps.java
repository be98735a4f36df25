package jp.madoguchi.procedure.guard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.madoguchi.procedure.ProcedureExpressions;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The BPMN step around an element of a model, and the input parameters a building block reads on it. */
final class Steps {

  /** Elements inside a step that are not the step: its input parameters belong to the step around them. */
  private static final Set<String> INSIDE_A_STEP = Set.of("extensionElements", "messageEventDefinition");

  private Steps() {
  }

  /** The BPMN element whose input parameters a block reads (a listener's or definition's enclosing step). */
  static Element around(Element element) {
    Element current = element;
    while (!XmlFiles.BPMN.equals(current.getNamespaceURI()) || INSIDE_A_STEP.contains(current.getLocalName())) {
      current = (Element) current.getParentNode();
    }
    return current;
  }

  /**
   * The step's input parameters that hold something, by name: a text that is not blank, or a list, map
   * or script inside. An empty one is read as no value, like one that is missing.
   */
  static Map<String, Element> inputParameters(Element step) {
    Map<String, Element> parameters = new LinkedHashMap<>();
    for (Element extensions : children(step, XmlFiles.BPMN, "extensionElements")) {
      for (Element inputOutput : children(extensions, XmlFiles.CAMUNDA, "inputOutput")) {
        for (Element parameter : children(inputOutput, XmlFiles.CAMUNDA, "inputParameter")) {
          if (!XmlFiles.ownText(parameter).isBlank() || hasChildElement(parameter)) {
            parameters.putIfAbsent(parameter.getAttribute("name"), parameter);
          }
        }
      }
    }
    return parameters;
  }

  /** The parameter's value as written out, or null for one given by an expression, a list, a map or a script. */
  static String written(Element parameter) {
    String text = XmlFiles.ownText(parameter);
    return hasChildElement(parameter) || ProcedureExpressions.hasExpression(text) ? null : text;
  }

  static List<Element> children(Element parent, String namespace, String localName) {
    List<Element> found = new ArrayList<>();
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element element && namespace.equals(element.getNamespaceURI())
          && localName.equals(element.getLocalName())) {
        found.add(element);
      }
    }
    return found;
  }

  private static boolean hasChildElement(Element element) {
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element) {
        return true;
      }
    }
    return false;
  }
}
