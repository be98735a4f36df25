package jp.madoguchi.procedure.guard;

import java.util.List;

import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;

/**
 * The engine's job executor and request threads are shared by every municipality: a loop that never
 * waits holds one of them until memory runs out (and is picked up again after a restart). So every loop
 * waits for a clerk, a message or a timer of at least 15 minutes.
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
}
