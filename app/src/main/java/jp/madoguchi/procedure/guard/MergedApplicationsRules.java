package jp.madoguchi.procedure.guard;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jp.madoguchi.procedure.ProcedureExpressions;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The two blocks of merging duplicates. 「先の申請に重複として統合」 ({@code mergeDuplicate}) accepts an
 * earlier application only while it waits at one of the user tasks its {@code openTasks} names: a name
 * that is no user task of the process (a typo) would find none, and every merge would be refused.
 * 「統合した申請に知らせる」 ({@code informMergedApplications}) sends its message to the applications merged
 * into this one, with the engine's rights. Its {@code messageName} must be one that a message catch
 * event or receive task of the same process waits for: any other name would push applications on at a
 * step that waits for something else (e.g. past their payment).
 */
final class MergedApplicationsRules {

  private static final String INFORM = "informMergedApplications";
  private static final String MESSAGE_NAME = "messageName";
  private static final String MERGE = "mergeDuplicate";
  private static final String OPEN_TASKS = "openTasks";

  private MergedApplicationsRules() {
  }

  static void check(ParsedDeployment.BpmnFile file, Reasons reasons) {
    Map<String, String> messageNames = messageNames(file.xml().getElementsByTagNameNS(XmlFiles.BPMN, "message"));
    for (Element element : XmlFiles.elements(file.xml())) {
      if (usesBlock(element, INFORM)) {
        checkMessage(file, Steps.around(element), messageNames, reasons);
      }
      if (usesBlock(element, MERGE)) {
        checkOpenTasks(file, Steps.around(element), reasons);
      }
    }
  }

  private static void checkMessage(ParsedDeployment.BpmnFile file, Element step, Map<String, String> messageNames,
      Reasons reasons) {
    String sent = messageName(step);
    // a missing messageName is StepInputRules' reason
    if (sent != null && !awaited(process(step), messageNames).contains(sent)) {
      reasons.add(file.name(), XmlFiles.owner(step), "「統合した申請に知らせる」のメッセージ「" + sent + "」を待つメッセージ中間イベント"
          + "または受信タスクが、このプロセスにありません。統合された申請が待つメッセージの名前を書いてください",
          INFORM + " sends message '" + sent + "' that no message catch event or receive task of this process waits "
          + "for; name the message the merged applications wait for");
    }
  }

  /** Each task named in a written {@code openTasks} is a user task of the process (one given by an expression is left). */
  private static void checkOpenTasks(ParsedDeployment.BpmnFile file, Element step, Reasons reasons) {
    Element parameter = Steps.inputParameters(step).get(OPEN_TASKS);
    String written = parameter == null ? null : Steps.written(parameter);
    if (written == null) {
      return;
    }
    Set<String> userTasks = userTaskIds(process(step));
    List<String> unknown = Arrays.stream(written.split(",")).map(String::strip)
        .filter(id -> !id.isEmpty() && !userTasks.contains(id)).toList();
    if (!unknown.isEmpty()) {
      String named = Reasons.shown(String.join(", ", unknown));
      String known = Reasons.shown(String.join(", ", userTasks));
      reasons.add(file.name(), XmlFiles.owner(step), "「先の申請に重複として統合」の openTasks の「" + named + "」は、このプロセスの"
          + "ユーザータスクの ID ではありません（ユーザータスク：" + known + "）。先の申請がまだ統合できる段階のタスクを書いてください",
          MERGE + "'s openTasks names '" + named + "', which is no user task of this process (its user tasks: " + known
          + "); name the tasks at which an earlier application can still be merged");
    }
  }

  private static Set<String> userTaskIds(Element process) {
    Set<String> ids = new TreeSet<>();
    if (process != null) {
      NodeList userTasks = process.getElementsByTagNameNS(XmlFiles.BPMN, "userTask");
      for (int i = 0; i < userTasks.getLength(); i++) {
        ids.add(((Element) userTasks.item(i)).getAttribute("id"));
      }
    }
    return ids;
  }

  private static boolean usesBlock(Element element, String block) {
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      if (mentionsBlock(((Attr) attributes.item(i)).getValue(), block)) {
        return true;
      }
    }
    return mentionsBlock(XmlFiles.ownText(element), block);
  }

  private static boolean mentionsBlock(String text, String block) {
    return ProcedureExpressions.hasExpression(text)
        && ProcedureExpressions.in(text).stream().anyMatch(expression -> expression.roots().contains(block));
  }

  private static String messageName(Element step) {
    Element parameter = Steps.inputParameters(step).get(MESSAGE_NAME);
    return parameter == null ? null : XmlFiles.ownText(parameter).strip();
  }

  private static Element process(Element step) {
    for (Node current = step; current instanceof Element element; current = current.getParentNode()) {
      if (XmlFiles.BPMN.equals(element.getNamespaceURI()) && "process".equals(element.getLocalName())) {
        return element;
      }
    }
    return null;
  }

  /** The names of the messages the process's message catch events and receive tasks wait for. */
  private static Set<String> awaited(Element process, Map<String, String> messageNames) {
    Set<String> names = new HashSet<>();
    if (process == null) {
      return names;
    }
    NodeList catchEvents = process.getElementsByTagNameNS(XmlFiles.BPMN, "intermediateCatchEvent");
    for (int i = 0; i < catchEvents.getLength(); i++) {
      for (Element definition : Steps.children((Element) catchEvents.item(i), XmlFiles.BPMN, "messageEventDefinition")) {
        addName(definition.getAttribute("messageRef"), messageNames, names);
      }
    }
    NodeList receiveTasks = process.getElementsByTagNameNS(XmlFiles.BPMN, "receiveTask");
    for (int i = 0; i < receiveTasks.getLength(); i++) {
      addName(((Element) receiveTasks.item(i)).getAttribute("messageRef"), messageNames, names);
    }
    return names;
  }

  private static void addName(String messageRef, Map<String, String> messageNames, Set<String> names) {
    String name = messageNames.get(messageRef.substring(messageRef.indexOf(':') + 1));
    if (name != null) {
      names.add(name);
    }
  }

  private static Map<String, String> messageNames(NodeList messages) {
    Map<String, String> names = new HashMap<>();
    for (int i = 0; i < messages.getLength(); i++) {
      Element message = (Element) messages.item(i);
      if (message.hasAttribute("name")) {
        names.put(message.getAttribute("id"), message.getAttribute("name"));
      }
    }
    return names;
  }
}
