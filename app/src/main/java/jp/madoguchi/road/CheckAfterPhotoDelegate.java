package jp.madoguchi.road;

import java.util.List;
import java.util.UUID;

import jp.madoguchi.attachment.Attachments;
import jp.madoguchi.procedure.FormViolation;
import jp.madoguchi.procedure.InvalidFormException;
import jp.madoguchi.procedure.ProcedureBuildingBlock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * A repair is reported done only with a photo of the result: the clerk adds it on the upload page
 * linked from the task form; without one the completion is refused with 400.
 */
@ProcedureBuildingBlock("checkAfterPhoto")
class CheckAfterPhotoDelegate implements JavaDelegate {

  private final Attachments attachments;

  CheckAfterPhotoDelegate(Attachments attachments) {
    this.attachments = attachments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UUID applicationId = UUID.fromString((String) execution.getVariable("applicationId"));
    long photos = attachments.addedByStaff(execution.getTenantId(), applicationId).stream()
        .filter(file -> file.contentType().startsWith("image/")).count();
    if (photos == 0) {
      throw InvalidFormException.of(List.of(new FormViolation("afterPhotoUploaded",
          "補修後の写真がまだアップロードされていません。フォームのリンクから写真を追加してから完了してください",
          "no after-photo uploaded yet")));
    }
    execution.setVariable("afterPhotoCount", photos);
  }
}
