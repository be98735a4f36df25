package jp.madoguchi.perimeter;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What no JSON body may contain, whatever endpoint reads it: nesting deeper than the app ever
 * needs (a parser's recursion must not be the limit), and the NUL character, which PostgreSQL
 * cannot store. Bodies of Camunda's REST APIs also carry process variables; {@link EngineVariableRules}
 * checks those.
 */
final class JsonBodyRules {

  private final JsonFactory json;
  private final ObjectMapper trees;
  private final EngineVariableRules variables;

  JsonBodyRules(int maxDepth) {
    this.json = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(maxDepth).build())
        .build();
    this.trees = new ObjectMapper(json);
    this.variables = new EngineVariableRules(trees);
  }

  /** Why the body is refused, if it is. A body that is not JSON at all is left to its endpoint to answer. */
  Optional<Refusal> check(byte[] body, boolean engineApi) {
    try {
      if (engineApi) {
        JsonNode tree = trees.readTree(body);
        return tree == null ? Optional.empty() : nul(tree).or(() -> variables.check(tree));
      }
      return streamedNul(body);
    } catch (StreamConstraintsException e) {
      return Optional.of(Refusal.badRequest("JSON の入れ子が深すぎます",
          "JSON nested deeper than " + json.streamReadConstraints().getMaxNestingDepth() + " levels"));
    } catch (IOException malformed) {
      return Optional.empty();
    }
  }

  private Optional<Refusal> streamedNul(byte[] body) throws IOException {
    try (JsonParser parser = json.createParser(body)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if ((token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME) && parser.getText().indexOf('\0') >= 0) {
          return Optional.of(nulRefusal());
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Refusal> nul(JsonNode node) {
    if (node.isTextual()) {
      return node.textValue().indexOf('\0') >= 0 ? Optional.of(nulRefusal()) : Optional.empty();
    }
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (field.getKey().indexOf('\0') >= 0) {
        return Optional.of(nulRefusal());
      }
      Optional<Refusal> inner = nul(field.getValue());
      if (inner.isPresent()) {
        return inner;
      }
    }
    if (node.isArray()) {
      for (JsonNode element : node) {
        Optional<Refusal> inner = nul(element);
        if (inner.isPresent()) {
          return inner;
        }
      }
    }
    return Optional.empty();
  }

  static Refusal nulRefusal() {
    return Refusal.badRequest("使用できない文字（NUL 文字）が含まれています", "the request contains a NUL character");
  }
}
