package jp.madoguchi.line.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.bot.parser.LineSignatureValidator;
import jp.madoguchi.line.LineChannel;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Sends what a demo resident does in the simulated chat to the app as a real, signed LINE webhook. */
@SimulatorEnabled
@Component
class SimulatorWebhooks {

  private final ObjectMapper json;
  private final Environment environment;
  private final HttpClient http = HttpClient.newHttpClient();
  private final Map<String, String> replyTokens = new ConcurrentHashMap<>();

  SimulatorWebhooks(ObjectMapper json, Environment environment) {
    this.json = json;
    this.environment = environment;
  }

  Map<String, String> replyTokens() {
    return replyTokens;
  }

  int send(LineChannel channel, String userId, String type, String text, String postbackData) throws Exception {
    String replyToken = UUID.randomUUID().toString().replace("-", "");
    ObjectNode event = json.createObjectNode()
        .put("type", type)
        .put("mode", "active")
        .put("timestamp", System.currentTimeMillis())
        .put("webhookEventId", ulidLike());
    event.putObject("source").put("type", "user").put("userId", userId);
    event.putObject("deliveryContext").put("isRedelivery", false);
    if (!"unfollow".equals(type)) {
      event.put("replyToken", replyToken);
      replyTokens.put(channel.tenantId() + "/" + replyToken, userId);
    }
    if ("message".equals(type)) {
      event.putObject("message").put("type", "text").put("id", String.valueOf(System.nanoTime()))
          .put("quoteToken", UUID.randomUUID().toString()).put("text", text);
    } else if ("postback".equals(type)) {
      event.putObject("postback").put("data", postbackData);
    } else if ("follow".equals(type)) {
      event.putObject("follow").put("isUnblocked", false);
    }
    ObjectNode body = json.createObjectNode().put("destination", "Udemodestination00000000000000000");
    ArrayNode events = body.putArray("events");
    events.add(event);
    byte[] payload = json.writeValueAsBytes(body);
    String signature = Base64.getEncoder().encodeToString(
        new LineSignatureValidator(channel.channelSecret().getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .generateSignature(payload));
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
            + environment.getProperty("local.server.port", "8080") + "/line/" + channel.tenantId() + "/webhook"))
        .header("Content-Type", "application/json")
        .header("x-line-signature", signature)
        .POST(HttpRequest.BodyPublishers.ofByteArray(payload)).build();
    return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static String ulidLike() {
    return ("01" + UUID.randomUUID().toString().replace("-", "").toUpperCase()).substring(0, 26);
  }
}
