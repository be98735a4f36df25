package jp.madoguchi.procedure;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/** Evaluates form-js {@code conditional.hide} FEEL expressions with the FEEL engine Camunda ships. */
final class FormConditions {

  private static final FeelEngine FEEL = new ScalaFeelEngineFactory().createInstance();
  private static final ObjectMapper JSON = new ObjectMapper();

  private FormConditions() {
  }

  /** Hidden when the expression is true. An expression the FEEL engine rejects is a defect of the form. */
  static boolean isHidden(String expression, JsonNode root, JsonNode local) {
    if (expression == null) {
      return false;
    }
    VariableMap context = Variables.createVariables();
    put(context, root);
    if (local != root) {
      put(context, local);
    }
    try {
      Object result = FEEL.evaluateSimpleExpression(expression, context.asVariableContext());
      return Boolean.TRUE.equals(result);
    } catch (RuntimeException e) {
      throw new IllegalStateException("The form condition '" + expression + "' cannot be evaluated: " + e.getMessage(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private static void put(VariableMap context, JsonNode values) {
    context.putAll(JSON.convertValue(values, Map.class));
  }
}
