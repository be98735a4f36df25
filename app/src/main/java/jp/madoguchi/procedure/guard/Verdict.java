package jp.madoguchi.procedure.guard;

import java.util.List;

import jp.madoguchi.procedure.RefusalReason;

/** The guard's answer: no reasons means the deployment may be stored. */
record Verdict(List<RefusalReason> reasons, boolean forbidden) {

  boolean refused() {
    return !reasons.isEmpty();
  }
}
