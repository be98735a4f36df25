package jp.madoguchi;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnPlane;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;

/** Test BPMN written by hand, drawn the way Modeler would draw it (the deploy guard refuses undrawn elements). */
public final class Diagrams {

  private Diagrams() {
  }

  /** Every flow node of the (single) process as a box in a row, every flow as a line. */
  public static String drawn(String xml) {
    BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    BpmnPlane plane = model.newInstance(BpmnPlane.class);
    plane.setBpmnElement(model.getModelElementsByType(Process.class).iterator().next());
    BpmnDiagram diagram = model.newInstance(BpmnDiagram.class);
    diagram.setBpmnPlane(plane);
    model.getDefinitions().addChildElement(diagram);
    int x = 0;
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      BpmnShape shape = model.newInstance(BpmnShape.class);
      shape.setBpmnElement(node);
      Bounds bounds = model.newInstance(Bounds.class);
      bounds.setX(x += 150);
      bounds.setY(100);
      bounds.setWidth(100);
      bounds.setHeight(80);
      shape.setBounds(bounds);
      plane.addChildElement(shape);
    }
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      BpmnEdge edge = model.newInstance(BpmnEdge.class);
      edge.setBpmnElement(flow);
      for (int i = 0; i < 2; i++) {
        Waypoint point = model.newInstance(Waypoint.class);
        point.setX(i * 50);
        point.setY(140);
        edge.getWaypoints().add(point);
      }
      plane.addChildElement(edge);
    }
    return Bpmn.convertToString(model);
  }
}
