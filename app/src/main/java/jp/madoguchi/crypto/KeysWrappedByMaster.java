package jp.madoguchi.crypto;

/** Stored data keys that the master key wraps; each feature that keeps such keys says where they are. */
public interface KeysWrappedByMaster {

  /** What the keys are, for the log ("tenant data keys"). */
  String what();

  /**
   * Wraps every stored key under the master key in use where the previous one wrapped it
   * ({@link MasterKey#rewrapped}); runs inside the rotation's transaction. Returns how many changed.
   */
  int rewrap(MasterKey master);
}
