package jp.madoguchi.attachment;

import java.util.Optional;
import java.util.UUID;

/**
 * The applications staff may add files to, as this feature needs to know them. Implemented where
 * applications live, so that files do not depend on applications and applications may use files.
 */
public interface AttachableApplications {

  Optional<AttachableApplication> find(String tenantId, String number);

  /**
   * @param processInstanceId whose department may see and add files (StaffApplicationAccess)
   * @param open whether the application's process is still running: closed ones take no more files
   */
  record AttachableApplication(UUID id, String number, String processInstanceId, boolean open) {
  }
}
