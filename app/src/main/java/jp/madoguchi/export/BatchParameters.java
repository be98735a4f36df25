package jp.madoguchi.export;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jp.madoguchi.export.KnownInstances.Known;
import org.camunda.bpm.engine.query.NativeQuery;

/**
 * A batch's process instances in an engine native query: {@code PROC_INST_ID_ IN (#{p0}, #{p1}, …)}
 * with one parameter per instance (the typed history queries take one instance at a time).
 */
final class BatchParameters {

  private BatchParameters() {
  }

  static String instanceIn(String column, List<Known> batch) {
    return column + " IN (" + placeholders("p", batch.size()) + ")";
  }

  /** {@code #{<prefix>0}, #{<prefix>1}, …}: {@code count} named parameters. */
  static String placeholders(String prefix, int count) {
    return IntStream.range(0, count).mapToObj(i -> "#{" + prefix + i + "}").collect(Collectors.joining(", "));
  }

  static <Q extends NativeQuery<Q, ?>> Q bound(Q query, List<Known> batch) {
    for (int i = 0; i < batch.size(); i++) {
      query.parameter("p" + i, batch.get(i).processInstanceId());
    }
    return query;
  }
}
