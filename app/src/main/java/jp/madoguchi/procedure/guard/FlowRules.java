package jp.madoguchi.procedure.guard;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;

/**
 * The engine's job executor and request threads are shared by every municipality: a loop that never
 * waits holds one of them until memory runs out (and is picked up again after a restart), and a timer
 * that fires every minute keeps the executor busy. So every loop waits for a clerk, a message or a
 * timer of at least 15 minutes, and a timer cycle repeats at most every 15 minutes.
 */
final class FlowRules {

  private FlowRules() {
  }

  static void check(ParsedDeployment.BpmnFile file, Reasons reasons) {
    for (Process process : file.model().getModelElementsByType(Process.class)) {
      if (process.isExecutable()) {
        FlowGraph.of(process).loopsWithoutWaiting().forEach(loop -> refuseLoop(file.name(), loop, reasons));
      }
    }
    for (TimerEventDefinition timer : file.model().getModelElementsByType(TimerEventDefinition.class)) {
      if (timer.getTimeCycle() != null) {
        checkCycle(file.name(), owner(timer), timer.getTimeCycle().getTextContent().strip(), reasons);
      }
    }
  }

  private static void refuseLoop(String file, List<FlowNode> loop, Reasons reasons) {
    List<String> ids = loop.stream().map(FlowNode::getId).toList();
    reasons.add(file, ids.get(0), "この流れ（" + String.join("、", ids) + "）は、職員・メッセージ・タイマーのどれも待たずに繰り返せます。"
        + "エンジンが止まらずに回り続け、全自治体の処理が止まります。繰り返しの中にユーザータスク、受信タスク、"
        + "メッセージの中間イベント、または 15 分以上待つタイマー（期間 timeDuration に PT15M 以上の値、例：P1D）を置いてください"
        + "（非同期継続だけでは止まりません。日時指定 timeDate、式で決まる期間、15 分未満の期間のタイマーはすぐに動くことがあるので、待ちになりません）",
        "the flow loops (" + String.join(", ", ids) + ") without waiting for a clerk, a message or a timer: the engine "
        + "would run it without end and stop the work of every municipality; put a user task, a receive task, a message "
        + "catch event or a timer that waits at least 15 minutes (a timeDuration of PT15M or more, e.g. P1D) in the loop "
        + "(an asynchronous continuation alone does not stop it; a timeDate, a duration given by an expression or one "
        + "shorter than 15 minutes may fire at once and is no wait)");
  }

  private static void checkCycle(String file, String element, String cycle, Reasons reasons) {
    Optional<Duration> interval = TimerCycles.shortestInterval(cycle);
    if (interval.isEmpty()) {
      reasons.add(file, element, "タイマーの繰り返し「" + cycle + "」の間隔が読み取れません。15 分以上の ISO 8601 の繰り返し"
          + "（例：R/PT1H、R/2026-04-01T09:00/P1D）で書いてください",
          "cannot tell how often timer cycle '" + cycle + "' repeats; write it as an ISO 8601 repeating interval of at "
          + "least PT15M, e.g. R/PT1H or R/2026-04-01T09:00/P1D");
    } else if (interval.get().compareTo(TimerWaits.SHORTEST) < 0) {
      reasons.add(file, element, "タイマーの繰り返し「" + cycle + "」は 15 分より短い間隔で動きます。間隔を 15 分以上にしてください"
          + "（例：R/PT1H）。短い繰り返しは、全自治体で共用するエンジンのジョブ実行を占めます",
          "timer cycle '" + cycle + "' repeats more often than every 15 minutes; repeat at most every 15 minutes, e.g. "
          + "R/PT1H (short cycles keep the engine's job executor, shared by every municipality, busy)");
    }
  }

  private static String owner(TimerEventDefinition timer) {
    return timer.getParentElement() instanceof BaseElement event && event.getId() != null ? event.getId() : timer.getId();
  }
}
