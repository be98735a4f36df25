package jp.madoguchi.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Every clerk's form of every procedure (and of the README's example) shows residents' values as text. */
class ClerkFormMarkupTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void shouldShowValuesInEveryClerksFormOnlyThroughEscapingComponents() throws IOException {
    List<Path> clerkForms;
    try (Stream<Path> files = Stream.concat(Files.walk(Path.of("../forms")),
        Files.walk(Path.of("../examples/add-a-procedure/forms")))) {
      clerkForms = files.filter(file -> file.toString().endsWith(".form"))
          .filter(file -> !file.getFileName().toString().equals("apply.form")).toList();
    }

    assertThat(clerkForms).hasSizeGreaterThan(10);
    for (Path form : clerkForms) {
      assertThat(ClerkFormMarkup.problems(JSON.readTree(form.toFile()))).as(form.toString()).isEmpty();
    }
  }

  @Test
  void shouldRefuseValuesInMarkdownText() throws IOException {
    var form = JSON.readTree("""
        {"id": "x-review", "components": [
          {"id": "Text_Heading", "type": "text", "text": "## 審査"},
          {"id": "Group_Data", "type": "group", "components": [
            {"id": "Text_Address", "type": "text", "text": "**住所:** {{address}}"}]},
          {"id": "Text_Expression", "type": "text", "text": "=address"},
          {"id": "Html_Address", "type": "html", "content": "<p>{{address}}</p>"}]}""");

    assertThat(ClerkFormMarkup.problems(form)).hasSize(2)
        .anySatisfy(problem -> assertThat(problem).contains("Text_Address", "html"))
        .anySatisfy(problem -> assertThat(problem).contains("Text_Expression"));
  }
}
