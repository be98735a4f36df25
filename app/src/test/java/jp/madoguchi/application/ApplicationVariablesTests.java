package jp.madoguchi.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.madoguchi.procedure.FormSchema;
import org.junit.jupiter.api.Test;

/** {@link ApplicationVariables}: a form's checked values as process variables, none changed on the way. */
class ApplicationVariablesTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void shouldKeepWholeNumbersAsLongs() throws Exception {
    assertThat(ApplicationVariables.of(JSON.readTree("{\"copies\":2,\"most\":9223372036854775807}")))
        .containsEntry("copies", 2L).containsEntry("most", Long.MAX_VALUE);
  }

  @Test
  void shouldNeverWrapAWholeNumberBeyondALong() {
    // the form check refuses it first; were it ever skipped, 18446744073709551617 must not become 1
    assertThatThrownBy(() -> ApplicationVariables.of(JSON.readTree("{\"copies\":18446744073709551617}")))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void shouldNameTheFieldsTheDataHasNoValueForButNoReadonlyField() throws Exception {
    FormSchema form = FormSchema.parse(JSON.readTree("""
        {"id": "apply", "components": [
          {"type": "textfield", "key": "name"},
          {"type": "textfield", "key": "shownOnly", "readonly": true},
          {"type": "group", "components": [{"type": "textfield", "key": "spouseName"}]},
          {"type": "group", "path": "bank", "components": [{"type": "textfield", "key": "branch"}]},
          {"type": "dynamiclist", "path": "items", "components": [{"type": "textfield", "key": "item"}]}]}"""));

    assertThat(ApplicationVariables.absentFrom(form, JSON.readTree("{\"name\": \"山田 花子\", \"items\": []}")))
        .containsExactly("spouseName", "bank");
  }
}
