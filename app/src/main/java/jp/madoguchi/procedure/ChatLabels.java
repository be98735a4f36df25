package jp.madoguchi.procedure;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a chat message (LINE) may carry: only values of 機密性1. A placeholder such as
 * {@code 理由：${rejectReason}} names a form field or a variable; one without a label counts as sensitive.
 */
public final class ChatLabels {

  /** Variables the building blocks fill with the resident's data; they carry the procedure's label. */
  private static final Set<String> APPLICATION_DATA_VARIABLES = Set.of("earlierSubmissions", "attachmentLinks");
  /**
   * Variables the app sets that name no one: the application number is the municipality's running
   * number (2026-000123). Not {@code mapUrl}: the map link points at where the resident is.
   */
  private static final Set<String> PUBLIC_APP_VARIABLES = Set.of("applicationNumber");

  private ChatLabels() {
  }

  /** The names of a message template whose values must not go to chat, by why. */
  public record NotForChat(List<String> confidential, List<String> unlabelled) {

    public List<String> all() {
      List<String> all = new ArrayList<>(confidential);
      all.addAll(unlabelled);
      return all;
    }
  }

  /**
   * @param labels the labels of the procedure's form fields and declared variables
   * @param procedureLabel the procedure's own label
   * @param buildingBlocks names that are building blocks, not data (e.g. {@code jst} in {@code ${jst.date(day)}})
   */
  public static NotForChat notForChat(Map<String, InformationLabel> labels, InformationLabel procedureLabel,
      Set<String> buildingBlocks, String template) {
    Set<String> confidential = new LinkedHashSet<>();
    Set<String> unlabelled = new LinkedHashSet<>();
    for (ProcedureExpressions.Expression expression : ProcedureExpressions.in(template)) {
      for (String name : expression.roots()) {
        InformationLabel label = APPLICATION_DATA_VARIABLES.contains(name) ? procedureLabel : labels.get(name);
        if (label == null && !PUBLIC_APP_VARIABLES.contains(name) && !buildingBlocks.contains(name)) {
          unlabelled.add(name);
        } else if (label != null && !label.allowedInChat()) {
          confidential.add(name);
        }
      }
    }
    return new NotForChat(List.copyOf(confidential), List.copyOf(unlabelled));
  }
}
