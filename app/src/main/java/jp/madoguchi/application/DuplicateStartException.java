package jp.madoguchi.application;

import jp.madoguchi.system.ConcurrentRequestException;

/** A REST start whose Idempotency-Key another start (running at the same moment) has just used. */
public class DuplicateStartException extends ConcurrentRequestException {

  DuplicateStartException() {
    super("同じ Idempotency-Key の開始が同時に行われました。再送すると最初の開始の結果が返ります "
        + "(another start with this Idempotency-Key ran at the same moment; retry to get its result)");
  }
}
