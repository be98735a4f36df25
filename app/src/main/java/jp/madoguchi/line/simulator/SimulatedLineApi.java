package jp.madoguchi.line.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import jp.madoguchi.line.LineChannel;
import jp.madoguchi.line.LineChannels;
import jp.madoguchi.tenant.Tenant;
import jp.madoguchi.tenant.TenantRepository;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A stand-in for LINE's Messaging API on the embedded default, speaking the published paths:
 * it checks the channel access token, honours X-Line-Retry-Key (409 on a repeat) and single-use
 * reply tokens, and shows what was sent in the simulated chats.
 */
@SimulatorEnabled
@RestController
class SimulatedLineApi {

  private final TenantRepository tenants;
  private final LineChannels channels;
  private final SimulatedChats chats;
  private final Set<String> retryKeys = ConcurrentHashMap.newKeySet();
  private final Map<String, String> replyTokens;

  SimulatedLineApi(TenantRepository tenants, LineChannels channels, SimulatedChats chats, SimulatorWebhooks webhooks) {
    this.tenants = tenants;
    this.channels = channels;
    this.chats = chats;
    this.replyTokens = webhooks.replyTokens();
  }

  @PostMapping("/v2/bot/message/push")
  ResponseEntity<Object> push(@RequestHeader(name = "Authorization", required = false) String authorization,
      @RequestHeader(name = "X-Line-Retry-Key", required = false) String retryKey, @RequestBody JsonNode body) {
    Optional<String> tenant = tenantOf(authorization);
    if (tenant.isEmpty()) {
      return unauthorized();
    }
    if (retryKey != null && !retryKeys.add(tenant.get() + retryKey)) {
      return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("message", "The retry key is already accepted"));
    }
    String to = body.path("to").asText();
    body.path("messages").forEach(message -> chats.add(tenant.get(), to, "account", message));
    return ResponseEntity.ok(Map.of("sentMessages", body.path("messages").findValues("type").stream()
        .map(type -> Map.of("id", UUID.randomUUID().toString(), "quoteToken", UUID.randomUUID().toString())).toList()));
  }

  @PostMapping("/v2/bot/message/reply")
  ResponseEntity<Object> reply(@RequestHeader(name = "Authorization", required = false) String authorization,
      @RequestBody JsonNode body) {
    Optional<String> tenant = tenantOf(authorization);
    if (tenant.isEmpty()) {
      return unauthorized();
    }
    String userId = replyTokens.remove(tenant.get() + "/" + body.path("replyToken").asText());
    if (userId == null) {
      return ResponseEntity.badRequest().body(Map.of("message", "Invalid reply token"));
    }
    body.path("messages").forEach(message -> chats.add(tenant.get(), userId, "account", message));
    return ResponseEntity.ok(Map.of("sentMessages", java.util.List.of()));
  }

  @PostMapping("/v2/bot/richmenu")
  ResponseEntity<Object> createRichMenu(@RequestHeader(name = "Authorization", required = false) String authorization) {
    return tenantOf(authorization).<ResponseEntity<Object>>map(tenant ->
        ResponseEntity.ok(Map.of("richMenuId", "richmenu-" + UUID.randomUUID().toString().replace("-", ""))))
        .orElseGet(SimulatedLineApi::unauthorized);
  }

  @PostMapping({"/v2/bot/richmenu/{id}/content", "/v2/bot/user/all/richmenu/{id}"})
  ResponseEntity<Object> acceptRichMenu(@RequestHeader(name = "Authorization", required = false) String authorization,
      @PathVariable String id) {
    return tenantOf(authorization).isPresent() ? ResponseEntity.ok(Map.of()) : unauthorized();
  }

  @DeleteMapping("/v2/bot/richmenu/{id}")
  ResponseEntity<Object> deleteRichMenu(@RequestHeader(name = "Authorization", required = false) String authorization,
      @PathVariable String id) {
    return tenantOf(authorization).isPresent() ? ResponseEntity.ok(Map.of()) : unauthorized();
  }

  @GetMapping("/v2/bot/info")
  ResponseEntity<Object> botInfo(@RequestHeader(name = "Authorization", required = false) String authorization) {
    return tenantOf(authorization).<ResponseEntity<Object>>map(tenant -> ResponseEntity.ok(Map.of(
        "userId", "U" + UUID.nameUUIDFromBytes(tenant.getBytes(StandardCharsets.UTF_8)).toString().replace("-", ""),
        "basicId", "@" + tenant,
        "displayName", tenants.findById(tenant).map(Tenant::name).orElse(tenant),
        "chatMode", "bot",
        "markAsReadMode", "auto")))
        .orElseGet(SimulatedLineApi::unauthorized);
  }

  private Optional<String> tenantOf(String authorization) {
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return Optional.empty();
    }
    String token = authorization.substring("Bearer ".length());
    return tenants.findAll().stream().map(Tenant::id)
        .filter(id -> channels.find(id).map(LineChannel::accessToken).filter(token::equals).isPresent())
        .findFirst();
  }

  private static ResponseEntity<Object> unauthorized() {
    return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("message", "Authentication failed"));
  }
}
