package jp.madoguchi.encryption;

import java.util.function.Supplier;

import jp.madoguchi.tenant.TenantKeys;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.CommentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.CommentManager;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * Comments clerks write in Tasklist ({@code ACT_HI_COMMENT}) are free text and often name the
 * resident: they are stored sealed with the tenant's key of their task or process instance, and
 * {@link CommentReveal} opens them again for whoever the engine lets read them.
 */
class SealedCommentManager extends CommentManager {

  static final String MESSAGE = "engine-comment.message";
  static final String FULL_MESSAGE = "engine-comment.full-message";

  private final TenantKeys keys;

  SealedCommentManager(TenantKeys keys) {
    this.keys = keys;
  }

  @Override
  public void insert(DbEntity entity) {
    if (entity instanceof CommentEntity comment && CommentEntity.TYPE_COMMENT.equals(comment.getType())) {
      String tenantId = tenantOf(comment);
      if (tenantId == null) {
        throw new BadUserRequestException("自治体の手続にしかコメントできません "
            + "(comments are stored encrypted with a tenant's key; this task or instance belongs to no tenant)");
      }
      comment.setTenantId(tenantId);
      comment.setMessage(SealedText.seal(keys, tenantId, MESSAGE, comment.getMessage()));
      comment.setFullMessage(SealedText.seal(keys, tenantId, FULL_MESSAGE, comment.getFullMessage()));
    }
    super.insert(entity);
  }

  private String tenantOf(CommentEntity comment) {
    if (comment.getTaskId() != null) {
      TaskEntity task = getDbEntityManager().selectById(TaskEntity.class, comment.getTaskId());
      if (task != null) {
        return task.getTenantId();
      }
    }
    if (comment.getProcessInstanceId() != null) {
      ExecutionEntity instance = getDbEntityManager().selectById(ExecutionEntity.class, comment.getProcessInstanceId());
      if (instance != null) {
        return instance.getTenantId();
      }
    }
    return null;
  }

  static SessionFactory factory(TenantKeys keys) {
    return factory(CommentManager.class, () -> new SealedCommentManager(keys));
  }

  private static SessionFactory factory(Class<?> type, Supplier<Session> sessions) {
    return new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return type;
      }

      @Override
      public Session openSession() {
        return sessions.get();
      }
    };
  }
}
