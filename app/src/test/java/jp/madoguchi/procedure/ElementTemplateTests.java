package jp.madoguchi.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.IntegrationTest;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Every template of the Modeler kit is a valid Camunda 7 element template that points at delegates
 * that exist and sets only input parameters they read, so a designer's step does not fail at run time.
 */
class ElementTemplateTests extends IntegrationTest {

  private static final Path TEMPLATES = Path.of("../processes/.camunda/element-templates");
  private static final Path MAIN_SOURCES = Path.of("src/main/java");
  private static final Pattern DELEGATE = Pattern.compile("^\\$\\{(\\w+)}$");
  private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]");
  /** The binding types of Camunda 7 element templates (Camunda 8's zeebe:* ones do nothing on this engine). */
  private static final Set<String> C7_BINDINGS = Set.of("property", "camunda:property", "camunda:inputParameter",
      "camunda:outputParameter", "camunda:in", "camunda:in:businessKey", "camunda:out", "camunda:executionListener",
      "camunda:field", "camunda:errorEventDefinition");
  private static final Set<String> C7_PROPERTY_TYPES = Set.of("String", "Text", "Boolean", "Dropdown", "Hidden");

  @Autowired ApplicationContext context;

  static Stream<Path> templateFiles() throws IOException {
    try (Stream<Path> files = Files.list(TEMPLATES)) {
      List<Path> found = files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
      assertThat(found).isNotEmpty();
      return found.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("templateFiles")
  void shouldBeAValidCamunda7TemplateInJapanese(Path file) throws IOException {
    for (JsonNode template : templates(file)) {
      String where = file.getFileName() + " " + template.path("id").asText();
      assertThat(template.path("id").asText()).as(where + " id").startsWith("jp.madoguchi.");
      assertThat(template.path("name").asText()).as(where + " name").containsPattern(JAPANESE);
      assertThat(template.path("appliesTo").isArray() && !template.path("appliesTo").isEmpty()).as(where + " appliesTo").isTrue();
      for (JsonNode type : template.path("appliesTo")) {
        assertThat(type.asText()).as(where + " appliesTo").startsWith("bpmn:");
        assertThat(Bpmn.INSTANCE.getBpmnModel().getTypeForName(BpmnModelConstants.BPMN20_NS, decapitalize(type.asText().substring(5))))
            .as(where + ": " + type.asText() + " is a BPMN element type").isNotNull();
      }
      assertThat(template.path("properties").isArray()).as(where + " properties").isTrue();
      for (JsonNode property : template.path("properties")) {
        String bindingType = property.at("/binding/type").asText();
        assertThat(bindingType).as(where + " binding type").isIn(C7_BINDINGS);
        if (!bindingType.equals("camunda:in:businessKey") && !bindingType.equals("camunda:executionListener")) {
          assertThat(property.at("/binding/name").asText()).as(where + " binding name").isNotBlank();
        }
        String type = property.path("type").asText("String");
        assertThat(type).as(where + " property type").isIn(C7_PROPERTY_TYPES);
        if (type.equals("Dropdown")) {
          assertThat(property.path("choices").isEmpty()).as(where + " Dropdown choices").isFalse();
        }
        if (!type.equals("Hidden")) {
          assertThat(property.path("label").asText()).as(where + " label of " + property.at("/binding/name").asText())
              .containsPattern(JAPANESE);
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("templateFiles")
  void shouldUseOnlyDelegatesThatExistWithInputsTheyRead(Path file) throws IOException {
    for (JsonNode template : templates(file)) {
      String where = file.getFileName() + " " + template.path("id").asText();
      List<String> inputs = new ArrayList<>();
      List<String> notEmpty = new ArrayList<>();
      Class<?> delegate = null;
      for (JsonNode property : template.path("properties")) {
        String name = property.at("/binding/name").asText();
        if ("camunda:delegateExpression".equals(name)) {
          Matcher bean = DELEGATE.matcher(property.path("value").asText());
          assertThat(bean.matches()).as(where + ": a plain ${bean} delegate expression").isTrue();
          Object found = context.getBean(bean.group(1));
          assertThat(found).as(where + ": bean " + bean.group(1)).isInstanceOf(JavaDelegate.class);
          delegate = AopUtils.getTargetClass(found);
          assertThat(AnnotatedElementUtils.hasAnnotation(delegate, ProcedureBuildingBlock.class))
              .as(where + ": " + delegate.getSimpleName() + " is a @ProcedureBuildingBlock, so expressions may use it").isTrue();
        }
        if ("camunda:inputParameter".equals(property.at("/binding/type").asText())) {
          inputs.add(name);
          if (property.at("/constraints/notEmpty").asBoolean(false)) {
            notEmpty.add(name);
          }
        }
      }
      if (delegate != null) {
        String sources = packageSources(delegate);
        for (String input : inputs) {
          assertThat(sources).as(where + ": " + delegate.getSimpleName() + " (or its package) reads input '" + input + "'")
              .contains("\"" + input + "\"");
        }
        String[] required = AnnotatedElementUtils.findMergedAnnotation(delegate, ProcedureBuildingBlock.class).requiredInputs();
        assertThat(notEmpty).as(where + ": the template asks for every input the deploy guard requires of "
            + delegate.getSimpleName()).containsAll(List.of(required));

      }
    }
  }

  private List<JsonNode> templates(Path file) throws IOException {
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    List<JsonNode> templates = new ArrayList<>();
    if (root.isArray()) {
      root.forEach(templates::add);
    } else {
      templates.add(root);
    }
    return templates;
  }

  /** The model API names types like the XML elements: bpmn:ServiceTask is "serviceTask". */
  private static String decapitalize(String type) {
    return Character.toLowerCase(type.charAt(0)) + type.substring(1);
  }

  /** The delegate's package's sources, where the names of the input parameters it reads are written. */
  private static String packageSources(Class<?> delegate) throws IOException {
    Path folder = MAIN_SOURCES.resolve(delegate.getPackageName().replace('.', '/'));
    StringBuilder sources = new StringBuilder();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path source : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        sources.append(Files.readString(source));
      }
    }
    return sources.toString();
  }
}
