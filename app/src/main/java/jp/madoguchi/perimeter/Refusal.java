package jp.madoguchi.perimeter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * A request the perimeter refuses, with a reason a person can act on: Japanese first, English in
 * brackets. The body has {@code message} like every Madoguchi error and {@code type} like Camunda's.
 */
record Refusal(HttpStatus status, String message) {

  private static final ObjectMapper JSON = new ObjectMapper();

  static Refusal badRequest(String japanese, String english) {
    return of(HttpStatus.BAD_REQUEST, japanese, english);
  }

  static Refusal of(HttpStatus status, String japanese, String english) {
    return new Refusal(status, japanese + " (" + english + ")");
  }

  void send(HttpServletResponse response) throws IOException {
    ObjectNode body = JSON.createObjectNode();
    body.put("type", "RequestRefused");
    body.put("status", status.value());
    body.put("message", message());
    byte[] bytes = JSON.writeValueAsBytes(body);
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
    response.flushBuffer();
  }
}
