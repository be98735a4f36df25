package jp.madoguchi.procedure.guard;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** BPMN and DMN files as plain XML, read without DTDs or external entities. */
final class XmlFiles {

  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  /**
   * Namespaces an engine reads as its own besides camunda: (Camunda 7 still reads activiti:, Operaton
   * its own operaton:). The rules look for camunda: only, so an extension written there is refused.
   */
  private static final Set<String> OTHER_ENGINE_NAMESPACES = Set.of("http://activiti.org/bpmn",
      "http://operaton.org/schema/1.0/bpmn");

  private XmlFiles() {
  }

  static Document parse(byte[] xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
    factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    DocumentBuilder builder = factory.newDocumentBuilder();
    builder.setErrorHandler(null);
    return builder.parse(new ByteArrayInputStream(xml));
  }

  static boolean isOtherEngineNamespace(String namespace) {
    return namespace != null && OTHER_ENGINE_NAMESPACES.contains(namespace);
  }

  /** Every element of the document, in document order. */
  static List<Element> elements(Document document) {
    List<Element> all = new ArrayList<>();
    collect(document.getDocumentElement(), all);
    return all;
  }

  private static void collect(Element element, List<Element> all) {
    all.add(element);
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        collect(childElement, all);
      }
    }
  }

  /** The element's own text (not its children's). */
  static String ownText(Element element) {
    StringBuilder text = new StringBuilder();
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        text.append(child.getNodeValue());
      }
    }
    return text.toString();
  }

  /** The id of the element or of its nearest ancestor that has one, to tell the designer where. */
  static String owner(Element element) {
    for (Node current = element; current instanceof Element e; current = current.getParentNode()) {
      if (e.hasAttribute("id")) {
        return e.getAttribute("id");
      }
    }
    return "definitions";
  }
}
