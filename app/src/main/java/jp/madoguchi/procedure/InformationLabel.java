package jp.madoguchi.procedure;

import java.util.Arrays;
import java.util.Optional;

/**
 * The information label (情報区分) of a procedure or a form field: confidentiality 機密性 1–3 as in
 * the 総務省 security policy guideline, and whether it is personal data (個人情報) or sensitive
 * personal data (要配慮個人情報). Labels decide what may appear in chat messages, logs, exports and PDFs.
 */
public record InformationLabel(int confidentiality, PersonalData personalData) {

  /** What may be shown to anyone: 機密性1, no personal data. */
  public static final InformationLabel PUBLIC = new InformationLabel(1, PersonalData.NONE);
  /** What is assumed of a procedure or field that carries no label (deployed before labels existed). */
  public static final InformationLabel UNLABELLED = new InformationLabel(3, PersonalData.SENSITIVE);

  public InformationLabel {
    if (confidentiality < 1 || confidentiality > 3) {
      throw new IllegalArgumentException("confidentiality must be 1, 2 or 3");
    }
    if (personalData == null) {
      throw new IllegalArgumentException("personalData is required");
    }
  }

  /** The label written in BPMN or form properties, e.g. ("2", "personal"); empty when either value is not valid. */
  public static Optional<InformationLabel> parse(String confidentiality, String personalData) {
    Optional<PersonalData> personal = PersonalData.parse(personalData);
    if (confidentiality == null || !confidentiality.trim().matches("[123]") || personal.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new InformationLabel(Integer.parseInt(confidentiality.trim()), personal.get()));
  }

  /** e.g. 「機密性2・個人情報」 */
  public String japanese() {
    return "機密性" + confidentiality + "・" + personalData.japanese();
  }

  /** e.g. "confidentiality 2, personal data" */
  public String english() {
    return "confidentiality " + confidentiality + ", " + personalData.english();
  }

  /** The stricter of both on each axis. */
  public InformationLabel max(InformationLabel other) {
    return new InformationLabel(Math.max(confidentiality, other.confidentiality),
        personalData.compareTo(other.personalData) >= 0 ? personalData : other.personalData);
  }

  /** True when this label is at least as strict as {@code other} on both axes. */
  public boolean covers(InformationLabel other) {
    return confidentiality >= other.confidentiality && personalData.compareTo(other.personalData) >= 0;
  }

  /** 機密性2 and above never leave through chat messages (LINE), logs or statistics. */
  public boolean allowedInChat() {
    return confidentiality == 1;
  }

  /** Ordered from the least to the most protected. */
  public enum PersonalData {
    NONE("none", "個人情報なし", "no personal data"),
    PERSONAL("personal", "個人情報", "personal data"),
    SENSITIVE("sensitive", "要配慮個人情報", "sensitive personal data");

    private final String value;
    private final String japanese;
    private final String english;

    PersonalData(String value, String japanese, String english) {
      this.value = value;
      this.japanese = japanese;
      this.english = english;
    }

    /** As written in BPMN and form properties: none, personal, sensitive. */
    public String value() {
      return value;
    }

    public String japanese() {
      return japanese;
    }

    public String english() {
      return english;
    }

    public static Optional<PersonalData> parse(String value) {
      return value == null ? Optional.empty()
          : Arrays.stream(values()).filter(data -> data.value.equals(value.trim())).findFirst();
    }
  }
}
