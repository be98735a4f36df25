package jp.madoguchi.encryption;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jp.madoguchi.tenant.TenantKeys;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.SetAnnotationForOperationLog;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.SetAnnotationForIncidentCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.CommentEntity;

/**
 * Around every engine command: comments come back opened, as copies (the engine's own copies stay
 * sealed, so nothing clear is ever written back); and the engine's other free-text features, which
 * would store their text in clear (editing a comment keeps the old and new text in the operation
 * log; Camunda's task attachments; annotations), are refused with a message saying what to use.
 */
class CommentReveal extends CommandInterceptor {

  private final TenantKeys keys;

  CommentReveal(TenantKeys keys) {
    this.keys = keys;
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (command instanceof UpdateCommentCmd) {
      throw new BadUserRequestException("コメントは編集できません。補足は新しいコメントに書いてください "
          + "(comments cannot be edited, because the engine would log the old and new text unencrypted; "
          + "write a new comment instead)");
    }
    if (command instanceof CreateAttachmentCmd || command instanceof SaveAttachmentCmd
        || command instanceof SetAnnotationForOperationLog || command instanceof SetAnnotationForIncidentCmd) {
      throw new BadUserRequestException("この機能は使えません。ファイルは申請の添付として、メモはタスクのフォームに書いてください "
          + "(task attachments and annotations would be stored unencrypted; attach files to the application and "
          + "write notes in the task form)");
    }
    return reveal(next.execute(command));
  }

  @SuppressWarnings("unchecked")
  private <T> T reveal(T result) {
    if (result instanceof CommentEntity comment) {
      return (T) opened(comment);
    }
    if (result instanceof Collection<?> items && items.stream().anyMatch(CommentEntity.class::isInstance)) {
      List<Object> opened = new ArrayList<>(items.size());
      items.forEach(item -> opened.add(item instanceof CommentEntity comment ? opened(comment) : item));
      return (T) opened;
    }
    return result;
  }

  private CommentEntity opened(CommentEntity sealed) {
    if (!SealedText.isSealed(sealed.getMessage()) && !SealedText.isSealed(sealed.getFullMessage())) {
      return sealed;
    }
    CommentEntity copy = new CommentEntity();
    copy.setId(sealed.getId());
    copy.setType(sealed.getType());
    copy.setUserId(sealed.getUserId());
    copy.setTime(sealed.getTime());
    copy.setTaskId(sealed.getTaskId());
    copy.setProcessInstanceId(sealed.getProcessInstanceId());
    copy.setAction(sealed.getAction());
    copy.setTenantId(sealed.getTenantId());
    copy.setRootProcessInstanceId(sealed.getRootProcessInstanceId());
    copy.setRemovalTime(sealed.getRemovalTime());
    copy.setRevision(sealed.getRevision());
    copy.setMessage(SealedText.open(keys, SealedCommentManager.MESSAGE, sealed.getMessage()));
    copy.setFullMessage(SealedText.open(keys, SealedCommentManager.FULL_MESSAGE, sealed.getFullMessage()));
    return copy;
  }
}
