package jp.madoguchi.attachment;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jp.madoguchi.procedure.FormViolation;
import jp.madoguchi.procedure.InvalidFormException;
import jp.madoguchi.procedure.ProcedureBuildingBlock;
import jp.madoguchi.procedure.StepInputCheck;
import jp.madoguchi.procedure.StepInputs;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * 「職員の添付ファイルを確認」: placed right after a clerk's task, it refuses the task's completion
 * (400, the task stays open) until staff have added a file to the application on the upload page
 * ({@code uploadPageUrl} in the form), e.g. the photo of a finished repair.
 *
 * <p>Input parameters: {@code field} (required: the form field the refusal is shown at),
 * {@code acceptedFiles} ({@code image} or {@code any}, default any), {@code countVariable} (optional:
 * receives the number of such files), {@code refusal} (optional: the clerk's message).
 */
@ProcedureBuildingBlock(value = "requireStaffFile", requiredInputs = "field")
class RequireStaffFileDelegate implements JavaDelegate, StepInputCheck {

  static final String DEFAULT_REFUSAL =
      "職員の添付ファイルがまだアップロードされていません。フォームのリンクからファイルを追加してから完了してください";

  private final Attachments attachments;

  RequireStaffFileDelegate(Attachments attachments) {
    this.attachments = attachments;
  }

  /** Any other word than image would let any file through, a PDF where the photo of a repair was asked for. */
  @Override
  public String[] problem(String input, String written) {
    if ("acceptedFiles".equals(input) && !Set.of("image", "any").contains(written.strip())) {
      return new String[] {"ファイルの種類 acceptedFiles「" + written + "」は image（写真・画像）か any（どのファイルでも）にしてください",
          "acceptedFiles '" + written + "' must be image or any"};
    }
    return null;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String field = StepInputs.required(execution, "field");
    boolean imagesOnly = "image".equals(StepInputs.text(execution, "acceptedFiles", "any"));
    UUID applicationId = UUID.fromString((String) execution.getVariable("applicationId"));
    long files = attachments.addedByStaff(execution.getTenantId(), applicationId).stream()
        .filter(file -> !imagesOnly || file.contentType().startsWith("image/")).count();
    if (files == 0) {
      throw InvalidFormException.of(List.of(new FormViolation(field,
          StepInputs.text(execution, "refusal", DEFAULT_REFUSAL),
          imagesOnly ? "no image uploaded by staff yet" : "no file uploaded by staff yet")));
    }
    String countVariable = StepInputs.text(execution, "countVariable", null);
    if (countVariable != null) {
      execution.setVariable(countVariable, files);
    }
  }
}
