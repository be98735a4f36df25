package jp.madoguchi.procedure.guard;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * A multi-instance activity creates all its instances at once, in the memory of the engine every
 * municipality shares; inside another multi-instance or in a process called many times, the counts
 * multiply. So each activity creates at most {@link InstanceCounts#MOST} instances at once, counting the
 * multi-instance subprocesses around it and the processes it calls.
 */
final class MultiInstanceRules {

  /** Counts above the limit are kept at limit + 1: they are refused anyway, and products cannot overflow. */
  private static final int TOO_MANY = InstanceCounts.MOST + 1;

  private final ParsedDeployment deployment;
  private final Reasons reasons;
  private final Map<String, ProcessView> processes = new HashMap<>();
  private final Map<String, Integer> fanOuts = new HashMap<>();
  private final Set<String> counting = new HashSet<>();

  private MultiInstanceRules(ParsedDeployment deployment, Reasons reasons) {
    this.deployment = deployment;
    this.reasons = reasons;
  }

  static void check(ParsedDeployment deployment, Reasons reasons) {
    MultiInstanceRules rules = new MultiInstanceRules(deployment, reasons);
    deployment.bpmn.forEach(file -> ProcessView.of(file).forEach(view -> rules.processes.put(view.id(), view)));
    rules.processes.keySet().forEach(rules::fanOut);
  }

  /** The most instances one instance of the process creates at once; 1 for a process elsewhere or in a call cycle (refused). */
  private int fanOut(String processId) {
    Integer known = fanOuts.get(processId);
    ProcessView view = processes.get(processId);
    if (known != null || view == null || !counting.add(processId)) {
      return known == null ? 1 : known;
    }
    InstanceCounts counts = new InstanceCounts(view, deployment, reasons);
    Map<Activity, Integer> own = new LinkedHashMap<>();
    for (Activity activity : view.process().getModelInstance().getModelElementsByType(Activity.class)) {
      if (view.contains(activity)) {
        own.put(activity, counts.of(activity));
      }
    }
    int most = 1;
    for (Activity activity : own.keySet()) {
      int called = activity instanceof CallActivity call && call.getCalledElement() != null
          ? fanOut(call.getCalledElement().strip()) : 1;
      int outer = around(activity, own);
      int total = times(times(own.get(activity), called), outer);
      // a count too high by itself was refused where it is: around this activity, or in the process it calls
      if (total > InstanceCounts.MOST && called <= InstanceCounts.MOST && outer <= InstanceCounts.MOST) {
        reasons.add(view.file(), activity.getId(), "この要素は、外側の多重インスタンスや呼び出すプロセスと合わせて " + InstanceCounts.MOST
            + " を超えるインスタンスを一度に作ることがあります。合わせて " + InstanceCounts.MOST + " 以下になるよう件数を減らしてください",
            "together with the multi-instances around it and the processes it calls, this element may create more than "
            + InstanceCounts.MOST + " instances at once; reduce the counts so that together they stay at " + InstanceCounts.MOST);
      }
      most = Math.max(most, total);
    }
    counting.remove(processId);
    fanOuts.put(processId, most);
    return most;
  }

  /** The product of the counts of the multi-instance subprocesses the activity is in. */
  private static int around(Activity activity, Map<Activity, Integer> own) {
    int product = 1;
    for (ModelElementInstance parent = activity.getParentElement(); parent != null; parent = parent.getParentElement()) {
      if (parent instanceof Activity outer) {
        product = times(product, own.getOrDefault(outer, 1));
      }
    }
    return product;
  }

  private static int times(int a, int b) {
    return Math.min(a * b, TOO_MANY);
  }
}
