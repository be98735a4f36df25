package jp.madoguchi.procedure.guard;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;

import jp.madoguchi.procedure.ProcedureExpressions;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * A call activity starts an instance of another process; one that reaches its own process again,
 * directly or through other call activities, starts instances without end in the engine every
 * municipality shares. So a call activity names, as written text, an executable process of its own
 * deployment, in its latest version or the one deployed with it, and the calls of a deployment form
 * no cycle. Two deployments cannot close a cycle between them either: a process calls only processes
 * deployed with it, so the latest versions of a cycle would all come from one deployment, which was checked.
 */
final class CallActivityRules {

  private static final Set<String> BINDINGS = Set.of("latest", "deployment");

  private record Call(String file, CallActivity activity, String caller, String called) {
  }

  private CallActivityRules() {
  }

  static void check(ParsedDeployment deployment, Reasons reasons) {
    Set<String> processes = new LinkedHashSet<>();
    List<Call> calls = new ArrayList<>();
    for (ParsedDeployment.BpmnFile file : deployment.bpmn) {
      file.model().getModelElementsByType(Process.class).stream().filter(Process::isExecutable)
          .forEach(process -> processes.add(process.getId()));
      for (CallActivity activity : file.model().getModelElementsByType(CallActivity.class)) {
        Process caller = processOf(activity);
        if (caller != null && caller.isExecutable()) {
          String called = activity.getCalledElement() == null ? "" : activity.getCalledElement().strip();
          calls.add(new Call(file.name(), activity, caller.getId(), called));
        }
      }
    }
    List<Call> followed = calls.stream().filter(call -> readable(call, processes, reasons)).toList();
    Map<String, Set<String>> graph = new HashMap<>();
    followed.forEach(call -> graph.computeIfAbsent(call.caller(), key -> new LinkedHashSet<>()).add(call.called()));
    followed.forEach(call -> refuseCycle(call, pathBack(call, graph), reasons));
  }

  /** A call the guard can follow: a written id of a process of this deployment, bound to its latest or this version. */
  private static boolean readable(Call call, Set<String> processes, Reasons reasons) {
    String binding = call.activity().getCamundaCalledElementBinding();
    String id = call.activity().getId();
    if (call.called().isEmpty()) {
      reasons.add(call.file(), id, "呼出しアクティビティが呼び出すプロセスがありません。calledElement に、同じデプロイのプロセスの id を"
          + "書いてください（ケース（caseRef）は呼び出せません）", "the call activity names no process; write the id of a process "
          + "of this deployment as calledElement (a case, caseRef, cannot be called)");
    } else if (ProcedureExpressions.hasExpression(call.called())) {
      reasons.add(call.file(), id, "呼び出すプロセス「" + call.called() + "」が式になっています。何を呼び出すか検査できないので、"
          + "同じデプロイのプロセスの id をそのまま書いてください", "calledElement '" + call.called() + "' is an expression: the "
          + "guard cannot tell what it calls; write the id of a process of this deployment");
    } else if (!processes.contains(call.called())) {
      reasons.add(call.file(), id, "呼び出すプロセス「" + call.called() + "」がこのデプロイにありません。呼び出すプロセスは一緒に"
          + "デプロイしてください（別々にデプロイしたプロセスが互いを呼び合わないことは検査できません）", "calls '" + call.called()
          + "', which is not a process of this deployment; deploy the processes it calls with it (the guard cannot tell "
          + "whether processes deployed apart call each other back)");
    } else if (binding != null && !BINDINGS.contains(binding.strip())) {
      reasons.add(call.file(), id, "calledElementBinding「" + binding + "」は使えません。latest（既定）か deployment にしてください"
          + "（古い版は何を呼び出すか検査できません）", "calledElementBinding '" + binding + "' is not allowed; use latest (the "
          + "default) or deployment (the guard cannot tell what an older version calls)");
    } else {
      return true;
    }
    return false;
  }

  /** The shortest way from the called process back to the caller, both included; empty when there is none. */
  private static List<String> pathBack(Call call, Map<String, Set<String>> graph) {
    Map<String, String> reachedFrom = new LinkedHashMap<>();
    Queue<String> open = new ArrayDeque<>(List.of(call.called()));
    reachedFrom.put(call.called(), null);
    while (!open.isEmpty()) {
      String process = open.remove();
      if (process.equals(call.caller())) {
        List<String> path = new ArrayList<>();
        for (String step = process; step != null; step = reachedFrom.get(step)) {
          path.add(0, step);
        }
        return path;
      }
      for (String next : graph.getOrDefault(process, Set.of())) {
        if (!reachedFrom.containsKey(next)) {
          reachedFrom.put(next, process);
          open.add(next);
        }
      }
    }
    return List.of();
  }

  private static void refuseCycle(Call call, List<String> pathBack, Reasons reasons) {
    if (pathBack.isEmpty()) {
      return;
    }
    if (pathBack.size() == 1) {
      reasons.add(call.file(), call.activity().getId(), "呼出しアクティビティが自分のプロセス（" + call.caller() + "）を呼び出しています。"
          + "呼び出すたびにインスタンスが増え続け、全自治体で共用するエンジンを止めます", "the call activity calls its own process ("
          + call.caller() + "): each call would start another instance without end, in the engine every municipality shares");
      return;
    }
    List<String> cycle = new ArrayList<>(List.of(call.caller()));
    cycle.addAll(pathBack);
    reasons.add(call.file(), call.activity().getId(), "呼出しアクティビティが、呼出し元のプロセスに戻って呼び出します（"
        + String.join(" → ", cycle) + "）。インスタンスが増え続け、全自治体で共用するエンジンを止めます",
        "the call activities call back the process they started from (" + String.join(" → ", cycle) + "): instances "
        + "would be started without end, in the engine every municipality shares");
  }

  private static Process processOf(ModelElementInstance element) {
    for (ModelElementInstance current = element.getParentElement(); current != null; current = current.getParentElement()) {
      if (current instanceof Process process) {
        return process;
      }
    }
    return null;
  }
}
