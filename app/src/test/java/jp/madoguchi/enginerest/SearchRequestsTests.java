package jp.madoguchi.enginerest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.junit.jupiter.api.Test;

/** Both filters at the engine APIs' entrance read a search's body; it is read and parsed once per request. */
class SearchRequestsTests {

  private final Map<String, Object> properties = new HashMap<>();
  private InputStream entity;

  @Test
  void aSearchIsReadOnceAndStaysReadableForCamunda() throws IOException {
    ContainerRequestContext request = post("{\"candidateGroup\":\"waste-section\"}");

    ObjectNode first = SearchRequests.body(request);
    ObjectNode second = SearchRequests.body(request);

    assertThat(second).isSameAs(first);
    assertThat(first.path("candidateGroup").asText()).isEqualTo("waste-section");
    verify(request, times(1)).getEntityStream();
    assertThat(sentToCamunda()).isEqualTo("{\"candidateGroup\":\"waste-section\"}");
  }

  @Test
  void aReplacedSearchIsWhatLaterFiltersAndCamundaRead() throws IOException {
    ContainerRequestContext request = post("{\"candidateUser\":\"someone\"}");
    ObjectNode search = SearchRequests.body(request);
    search.put("candidateUser", "nobody");

    SearchRequests.replaceBody(request, search);

    assertThat(SearchRequests.body(request).path("candidateUser").asText()).isEqualTo("nobody");
    assertThat(sentToCamunda()).isEqualTo("{\"candidateUser\":\"nobody\"}");
    verify(request, times(1)).getEntityStream();
  }

  @Test
  void aBodyThatIsNoObjectIsLeftToCamundaAndNotReadAgain() throws IOException {
    for (String body : new String[] {"[1,2]", "{not json", "\"text\""}) {
      properties.clear();
      ContainerRequestContext request = post(body);

      assertThat(SearchRequests.body(request)).isNull();
      assertThat(SearchRequests.body(request)).isNull();

      verify(request, times(1)).getEntityStream();
      assertThat(sentToCamunda()).isEqualTo(body);
    }
  }

  private ContainerRequestContext post(String body) {
    ContainerRequestContext request = mock(ContainerRequestContext.class);
    entity = new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
    when(request.getMethod()).thenReturn("POST");
    when(request.hasEntity()).thenReturn(true);
    when(request.getEntityStream()).thenAnswer(call -> entity);
    doAnswer(call -> entity = call.getArgument(0)).when(request).setEntityStream(any());
    when(request.getProperty(anyString())).thenAnswer(call -> properties.get(call.<String>getArgument(0)));
    doAnswer(call -> properties.put(call.getArgument(0), call.getArgument(1))).when(request)
        .setProperty(anyString(), any());
    return request;
  }

  private String sentToCamunda() throws IOException {
    return new String(entity.readAllBytes(), StandardCharsets.UTF_8);
  }
}
