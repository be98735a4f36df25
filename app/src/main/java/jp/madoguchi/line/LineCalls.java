package jp.madoguchi.line;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for a call of the LINE SDK; its failures (a LINE error answer, a timeout) come out as IOException. */
final class LineCalls {

  private static final long TIMEOUT_SECONDS = 30;

  private LineCalls() {
  }

  static <T> T await(CompletableFuture<T> call) throws IOException {
    try {
      return call.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    } catch (TimeoutException e) {
      throw new IOException("LINE did not answer in time", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
