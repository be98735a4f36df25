package jp.madoguchi;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** The same request sent by several clients at the same moment, as two admins or a double click would. */
public final class AtOnce {

  private AtOnce() {
  }

  /** Each request's answer, in no particular order; every client waits for the others before sending. */
  public static List<HttpResponse<String>> send(int clients, Callable<HttpResponse<String>> request) throws Exception {
    return sendEach(Collections.nCopies(clients, request));
  }

  /** Different requests sent at the same moment, one per client; their answers in the order of the requests. */
  public static List<HttpResponse<String>> sendEach(List<Callable<HttpResponse<String>>> requests) throws Exception {
    CyclicBarrier start = new CyclicBarrier(requests.size());
    ExecutorService pool = Executors.newFixedThreadPool(requests.size());
    try {
      List<Future<HttpResponse<String>>> sent = new ArrayList<>();
      for (Callable<HttpResponse<String>> request : requests) {
        sent.add(pool.submit(() -> {
          start.await(10, TimeUnit.SECONDS);
          return request.call();
        }));
      }
      List<HttpResponse<String>> answers = new ArrayList<>();
      for (Future<HttpResponse<String>> answer : sent) {
        answers.add(answer.get(60, TimeUnit.SECONDS));
      }
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }

  /** The status codes, sorted. */
  public static List<Integer> statuses(List<HttpResponse<String>> answers) {
    return answers.stream().map(HttpResponse::statusCode).sorted().toList();
  }
}
