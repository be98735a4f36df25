package jp.madoguchi.line;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.linecorp.bot.client.base.exception.AbstractLineClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Waits for a call of the LINE SDK; its failures (a LINE error answer, a timeout) come out as IOException. */
final class LineCalls {

  private static final Logger LOG = LoggerFactory.getLogger(LineCalls.class);
  private static final long TIMEOUT_SECONDS = 30;

  private LineCalls() {
  }

  /** Why a call failed, in words for a municipality's administrator (Japanese, English). */
  record Failure(String japanese, String english) {
  }

  /**
   * Not the SDK's message, which names the LINE address this deployment is configured with and the
   * words of its parser: LINE's status and request id (for an inquiry to LINE), or what kept the
   * answer from arriving. The SDK's message goes to the application log, for the operator.
   */
  static Failure reported(String call, String tenantId, IOException failure) {
    LOG.warn("LINE call {} for tenant {} failed: {}", call, tenantId, failure.toString());
    return describe(failure);
  }

  private static Failure describe(IOException failure) {
    if (failure instanceof AbstractLineClientException answer) {
      String id = answer.getRequestId();
      return new Failure("LINE の応答 HTTP " + answer.getCode() + (id == null ? "" : "、リクエスト ID " + id),
          "LINE answered HTTP " + answer.getCode() + (id == null ? "" : ", request id " + id));
    }
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof TimeoutException || cause instanceof SocketTimeoutException) {
        return new Failure("LINE が時間内に応答しませんでした", "LINE did not answer in time");
      }
      if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
        return new Failure("LINE に接続できませんでした", "LINE could not be reached");
      }
    }
    return new Failure("LINE の応答を読み取れませんでした", "LINE's answer could not be read");
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
