package jp.madoguchi.encryption;

import java.util.Map;

/**
 * The information labels of a procedure's form fields (contract C2), by field key. Stands in for
 * {@code procedure.ProcedureLabels#fieldLabels} until that is on main.
 */
interface FieldLabelSource {

  Map<String, FieldLabel> fieldLabels(String processDefinitionId);

  /** 機密性 1–3 and {@code none}, {@code personal} or {@code sensitive}. */
  record FieldLabel(int confidentiality, String personalData) {

    /** 機密性1 without personal data: the only label whose values may be stored unencrypted. */
    boolean publicData() {
      return confidentiality == 1 && "none".equals(personalData);
    }
  }
}
