package jp.madoguchi.procedure;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The rule that keeps a resident's text from becoming markup on a clerk's screen. Tasklist's
 * form-js fills {@code {{…}}} placeholders of a {@code text} component into Markdown unescaped, so a
 * resident's {@code <a href>}, {@code <img>} or {@code [link](url)} would become a live link, a
 * tracking image or a heading. An {@code html} component escapes every value it fills in, and
 * input fields show their value as text: a clerk's form (every form but the resident's
 * {@code apply.form}) shows values only through those.
 */
public final class ClerkFormMarkup {

  private ClerkFormMarkup() {
  }

  /** What breaks the rule in one form, each naming the component; empty when the form keeps it. */
  public static List<String> problems(JsonNode form) {
    List<String> problems = new ArrayList<>();
    collect(form.path("components"), form.path("id").asText("?"), problems);
    return problems;
  }

  private static void collect(JsonNode components, String formId, List<String> problems) {
    for (JsonNode component : components) {
      if ("text".equals(component.path("type").asText()) && placesValues(component.path("text").asText(""))) {
        problems.add("Form " + formId + ", component " + component.path("id").asText("?")
            + ": a text (Markdown) component must not show values with {{…}} — use an html component, which "
            + "escapes them (Tasklist inserts values into Markdown as they are)");
      }
      collect(component.path("components"), formId, problems);
    }
  }

  /** A template placeholder, or a whole-text FEEL expression ({@code =...}), which is filled in the same way. */
  private static boolean placesValues(String text) {
    return text.contains("{{") || text.stripLeading().startsWith("=");
  }
}
