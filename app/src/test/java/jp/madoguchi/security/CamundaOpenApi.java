package jp.madoguchi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Camunda's published OpenAPI description of {@code /engine-rest}, which the REST sweeps walk. */
final class CamundaOpenApi {

  private CamundaOpenApi() {
  }

  static JsonNode description() throws IOException {
    try (InputStream in = CamundaOpenApi.class.getResourceAsStream("/openapi.json")) {
      assertThat(in).as("openapi.json of camunda-engine-rest-openapi on the test class path").isNotNull();
      return new ObjectMapper().readTree(in);
    }
  }
}
