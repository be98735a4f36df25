package jp.madoguchi.crypto;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Replacing the master key: started with the new {@code MADOGUCHI_MASTER_KEY} and the old one as
 * {@code MADOGUCHI_MASTER_KEY_PREVIOUS}, the app wraps every stored data key anew under the new key
 * in one transaction (the data itself stays as it is: only the keys that open it are wrapped). A
 * key neither opens stops the start and changes nothing. Until then, and while it runs, the
 * previous key still opens what it wrapped.
 */
@Component
class MasterKeyRotation implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(MasterKeyRotation.class);

  private final MasterKey master;
  private final List<KeysWrappedByMaster> stores;
  private final TransactionTemplate transaction;

  MasterKeyRotation(MasterKey master, List<KeysWrappedByMaster> stores, TransactionTemplate transaction) {
    this.master = master;
    this.stores = stores;
    this.transaction = transaction;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!master.hasPrevious()) {
      return;
    }
    if (master.previousIsTheSame()) {
      log.warn("MADOGUCHI_MASTER_KEY_PREVIOUS is the same key as MADOGUCHI_MASTER_KEY: nothing to replace; remove it");
      return;
    }
    transaction.executeWithoutResult(status -> {
      for (KeysWrappedByMaster store : stores) {
        int changed = store.rewrap(master);
        log.info("Master key replacement: {} {} wrapped anew under the new master key", changed, store.what());
      }
    });
    log.warn("Every stored key is now wrapped by the new master key. Remove MADOGUCHI_MASTER_KEY_PREVIOUS from the "
        + "configuration, and keep the old key only as long as backups made before this start are kept");
  }
}
