package jp.madoguchi;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Builds and sends webhook requests the way the LINE platform does (signature per LINE's documentation). */
public final class LineWebhooks {

  public static final String DEMO_SECRET = "demo-secret";
  public static final String KITA_SECRET = "kita-secret";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private LineWebhooks() {
  }

  public static String sign(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(body));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static HttpResponse<String> post(int port, String tenant, String body, String signature) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/line/" + tenant + "/webhook"))
        .header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (signature != null) {
      request.header("x-line-signature", signature);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  public static HttpResponse<String> postSigned(int port, String tenant, String secret, String body) throws Exception {
    return post(port, tenant, body, sign(secret, body.getBytes(StandardCharsets.UTF_8)));
  }

  public static String body(String... events) {
    return "{\"destination\":\"U0000000000000000000000000000dest\",\"events\":[" + String.join(",", events) + "]}";
  }

  public static String newEventId() {
    return "01" + UUID.randomUUID().toString().replace("-", "").toUpperCase().substring(0, 24);
  }

  public static String textEvent(String eventId, String userId, String replyToken, String text, boolean redelivery) {
    return event(eventId, userId, redelivery, "active", """
        "type":"message","replyToken":"%s","message":{"type":"text","id":"468789577898262530","quoteToken":"q","text":"%s"}"""
        .formatted(replyToken, text));
  }

  public static String followEvent(String eventId, String userId, String replyToken) {
    return event(eventId, userId, false, "active",
        "\"type\":\"follow\",\"replyToken\":\"" + replyToken + "\",\"follow\":{\"isUnblocked\":false}");
  }

  public static String unfollowEvent(String eventId, String userId) {
    return event(eventId, userId, false, "active", "\"type\":\"unfollow\"");
  }

  public static String postbackEvent(String eventId, String userId, String replyToken, String data) {
    return event(eventId, userId, false, "active",
        "\"type\":\"postback\",\"replyToken\":\"" + replyToken + "\",\"postback\":{\"data\":\"" + data + "\"}");
  }

  public static String standbyTextEvent(String eventId, String userId, String text) {
    return event(eventId, userId, false, "standby", """
        "type":"message","message":{"type":"text","id":"1","quoteToken":"q","text":"%s"}""".formatted(text));
  }

  /** A resident's message in a group chat the account was invited to. */
  public static String groupTextEvent(String eventId, String groupId, String userId, String replyToken, String text) {
    return eventFrom(eventId, groupSource(groupId, userId), "active", """
        "type":"message","replyToken":"%s","message":{"type":"text","id":"1","quoteToken":"q","text":"%s"}"""
        .formatted(replyToken, text));
  }

  public static String joinEvent(String eventId, String groupId, String replyToken) {
    return eventFrom(eventId, groupSource(groupId, null), "active",
        "\"type\":\"join\",\"replyToken\":\"" + replyToken + "\"");
  }

  public static String standbyFollowEvent(String eventId, String userId) {
    return event(eventId, userId, false, "standby", "\"type\":\"follow\",\"follow\":{\"isUnblocked\":true}");
  }

  private static String groupSource(String groupId, String userId) {
    String member = userId == null ? "" : ",\"userId\":\"" + userId + "\"";
    return "{\"type\":\"group\",\"groupId\":\"" + groupId + "\"" + member + "}";
  }

  private static String event(String eventId, String userId, boolean redelivery, String mode, String specific) {
    return "{" + specific + ",\"mode\":\"" + mode + "\",\"timestamp\":1764151200000,"
        + "\"source\":{\"type\":\"user\",\"userId\":\"" + userId + "\"},"
        + "\"webhookEventId\":\"" + eventId + "\",\"deliveryContext\":{\"isRedelivery\":" + redelivery + "}}";
  }

  private static String eventFrom(String eventId, String source, String mode, String specific) {
    return "{" + specific + ",\"mode\":\"" + mode + "\",\"timestamp\":1764151200000,\"source\":" + source + ","
        + "\"webhookEventId\":\"" + eventId + "\",\"deliveryContext\":{\"isRedelivery\":false}}";
  }
}
