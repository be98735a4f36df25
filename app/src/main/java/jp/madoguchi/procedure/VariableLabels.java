package jp.madoguchi.procedure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The information labels of process variables that are no form field (a decision's
 * {@code departmentName}, the amount a payment step asks for), declared on the process as the property
 * {@code variableLabels}: {@code departmentName=1/none, paymentAmount=1/none}, each
 * {@code name=confidentiality/personalData}. A variable without a label, from a form or from here,
 * counts as {@link InformationLabel#UNLABELLED}.
 */
public final class VariableLabels {

  private static final Pattern ENTRY = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*([^/\\s]*)\\s*/\\s*(\\S*)");

  private VariableLabels() {
  }

  /** One entry as written; an empty name when it cannot be read. */
  public record Entry(String text, String name, Optional<InformationLabel> label) {
  }

  public static List<Entry> entries(String declared) {
    List<Entry> entries = new ArrayList<>();
    for (String part : declared == null ? new String[0] : declared.split(",")) {
      String text = part.strip();
      Matcher entry = ENTRY.matcher(text);
      if (entry.matches()) {
        entries.add(new Entry(text, entry.group(1), InformationLabel.parse(entry.group(2), entry.group(3))));
      } else if (!text.isEmpty()) {
        entries.add(new Entry(text, "", Optional.empty()));
      }
    }
    return entries;
  }

  /** Variable name → label, of the entries that can be read. */
  public static Map<String, InformationLabel> labels(String declared) {
    Map<String, InformationLabel> labels = new LinkedHashMap<>();
    for (Entry entry : entries(declared)) {
      entry.label().ifPresent(label -> labels.merge(entry.name(), label, InformationLabel::max));
    }
    return labels;
  }
}
