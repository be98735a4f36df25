package jp.madoguchi.procedure.guard;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.madoguchi.procedure.FormDefinitionException;
import jp.madoguchi.procedure.FormField;
import jp.madoguchi.procedure.FormSchema;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;

/**
 * How many instances one multi-instance activity of a process creates at most: a written
 * {@code loopCardinality}, or the {@code maxItems} of the form field its {@code camunda:collection} names
 * (the server refuses a longer list from a resident or a clerk). Anything else cannot be bounded and is
 * a reason; a count the guard refused counts as one, so that nothing is refused twice for it.
 */
final class InstanceCounts {

  /**
   * Each instance is an execution with its variables and history, created at once in the engine's memory
   * and transaction: 100 is twice a form list's default maxItems and far below what would harm others.
   */
  static final int MOST = 100;

  private static final Pattern VARIABLE = Pattern.compile("^(?:\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}|([A-Za-z_][A-Za-z0-9_]*))$");

  private final ProcessView view;
  private final ParsedDeployment deployment;
  private final Reasons reasons;
  private Map<String, Integer> formLists;

  InstanceCounts(ProcessView view, ParsedDeployment deployment, Reasons reasons) {
    this.view = view;
    this.deployment = deployment;
    this.reasons = reasons;
  }

  /** 1 for an activity without multi-instance. */
  int of(Activity activity) {
    if (!(activity.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics multi)) {
      return 1;
    }
    int most = 1;
    if (multi.getLoopCardinality() != null) {
      most = cardinality(activity.getId(), multi.getLoopCardinality().getTextContent().strip());
    }
    if (multi.getCamundaCollection() != null) {
      most = Math.max(most, collection(activity.getId(), multi.getCamundaCollection().strip()));
    }
    return most;
  }

  private int cardinality(String element, String text) {
    if (!text.matches("\\d+")) {
      reasons.add(view.file(), element, "多重インスタンスの件数（loopCardinality）「" + text + "」が 0〜" + MOST + " の数ではないので、"
          + "いくつのインスタンスを作るか検査できません。" + MOST + " 以下の数を書くか、手続のフォームのリスト項目を collection にしてください",
          "loopCardinality '" + text + "' is not a number from 0 to " + MOST + ": the guard cannot tell how many instances "
          + "it creates; write a number up to " + MOST + " or use a list field of the procedure's forms as camunda:collection");
      return 1;
    }
    if (text.length() > 9 || Integer.parseInt(text) > MOST) {
      reasons.add(view.file(), element, "多重インスタンスの件数（loopCardinality）「" + text + "」が " + MOST + " を超えています。"
          + MOST + " 以下にしてください（インスタンスは、全自治体で共用するエンジンのメモリに一度に作られます）",
          "loopCardinality '" + text + "' is more than " + MOST + "; create at most " + MOST + " instances (they are "
          + "created at once in the memory of the engine every municipality shares)");
      return 1;
    }
    return Integer.parseInt(text);
  }

  private int collection(String element, String text) {
    Matcher variable = VARIABLE.matcher(text);
    Integer maxItems = variable.matches()
        ? formLists().get(variable.group(1) != null ? variable.group(1) : variable.group(2)) : null;
    if (maxItems == null) {
      reasons.add(view.file(), element, "多重インスタンスの collection「" + text + "」が手続のフォームの項目ではないので、いくつの"
          + "インスタンスを作るか検査できません。フォームのリスト項目（件数は maxItems で " + MOST + " 以下）を ${項目のキー} の形で書いてください",
          "camunda:collection '" + text + "' is not a field of this procedure's forms: the guard cannot tell how many "
          + "instances it creates; name a list field of the forms (at most " + MOST + " entries by its maxItems) as ${key}");
      return 1;
    }
    if (maxItems > MOST) {
      reasons.add(view.file(), element, "多重インスタンスの collection「" + text + "」のフォーム項目は最大 " + maxItems + " 件（maxItems）"
          + "で、" + MOST + " 件を超えます。その項目の maxItems を " + MOST + " 以下にしてください",
          "camunda:collection '" + text + "' is a form field of up to " + maxItems + " entries (maxItems); set its "
          + "maxItems to " + MOST + " or less");
      return 1;
    }
    return maxItems;
  }

  /** Top-level fields of the process's forms by key, with the most entries the server accepts for each. */
  private Map<String, Integer> formLists() {
    if (formLists == null) {
      formLists = new HashMap<>();
      for (BaseElement element : view.formElements()) {
        String formRef = ProcessView.formRef(element);
        ParsedDeployment.FormFile form = formRef == null ? null : deployment.forms.get(formRef);
        try {
          for (FormField field : form == null ? List.<FormField>of() : FormSchema.parse(form.json()).fields()) {
            formLists.merge(field.key(), field.maxItems(), Math::max);
          }
        } catch (FormDefinitionException e) {
          // the form's own reason is given where it is read
        }
      }
    }
    return formLists;
  }
}
