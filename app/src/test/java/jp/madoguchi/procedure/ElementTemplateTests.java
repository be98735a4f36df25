package jp.madoguchi.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.IntegrationTest;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The Modeler kit points at delegates that exist, so a designer's step does not fail at run time. */
class ElementTemplateTests extends IntegrationTest {

  private static final Path TEMPLATES = Path.of("../processes/.camunda/element-templates");
  private static final Pattern DELEGATE = Pattern.compile("^\\$\\{(\\w+)}$");

  @Autowired ApplicationContext context;
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void shouldReferenceOnlyDelegateBeansThatExist() throws IOException {
    List<Path> templates = templates();
    assertThat(templates).isNotEmpty();
    for (Path template : templates) {
      JsonNode root = json.readTree(template.toFile());
      assertThat(root.path("id").asText()).as(template + " id").startsWith("jp.madoguchi.");
      assertThat(root.path("name").asText()).as(template + " name").isNotBlank();
      for (JsonNode property : root.path("properties")) {
        if ("camunda:delegateExpression".equals(property.at("/binding/name").asText())) {
          Matcher bean = DELEGATE.matcher(property.path("value").asText());
          assertThat(bean.matches()).as(template + ": a plain ${bean} delegate expression").isTrue();
          assertThat(context.getBean(bean.group(1))).as(template + ": bean " + bean.group(1))
              .isInstanceOf(JavaDelegate.class);
        }
      }
    }
  }

  private static List<Path> templates() throws IOException {
    try (Stream<Path> files = Files.list(TEMPLATES)) {
      return files.filter(file -> file.toString().endsWith(".json")).toList();
    }
  }
}
