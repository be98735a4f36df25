package jp.madoguchi.line.simulator;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.madoguchi.line.LineChannel;
import jp.madoguchi.line.LineChannels;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The simulator page's own API: the demo residents, their chats, and sending as one of them. */
@SimulatorEnabled
@RestController
@RequestMapping("/line-simulator/api/{tenant}")
class LineSimulatorController {

  private static final Set<String> TYPES = Set.of("message", "postback", "follow", "unfollow");

  private final LineChannels channels;
  private final SimulatedChats chats;
  private final SimulatorWebhooks webhooks;

  LineSimulatorController(LineChannels channels, SimulatedChats chats, SimulatorWebhooks webhooks) {
    this.channels = channels;
    this.chats = chats;
    this.webhooks = webhooks;
  }

  @GetMapping("/residents")
  List<SimulatedChats.DemoResident> residents() {
    return SimulatedChats.RESIDENTS;
  }

  @GetMapping("/chats/{userId}")
  List<SimulatedChats.ChatEntry> chat(@PathVariable String tenant, @PathVariable String userId) {
    return chats.chat(tenant, userId);
  }

  record Action(String userId, String type, String text, String data, String label) {
  }

  @PostMapping("/send")
  ResponseEntity<Map<String, Object>> send(@PathVariable String tenant, @RequestBody Action action) throws Exception {
    LineChannel channel = channels.find(tenant).orElse(null);
    if (channel == null) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("message", "No LINE channel for this tenant"));
    }
    if (action.userId() == null || !TYPES.contains(action.type())
        || "message".equals(action.type()) && (action.text() == null || action.text().isBlank())) {
      return ResponseEntity.badRequest().body(Map.of("message", "userId, a type of " + TYPES + " and text for messages"));
    }
    var shown = new com.fasterxml.jackson.databind.node.ObjectNode(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance);
    shown.put("type", action.type()).put("text", switch (action.type()) {
      case "message" -> action.text();
      case "postback" -> action.label() == null ? action.data() : action.label();
      case "follow" -> "（友だち追加）";
      default -> "（ブロック）";
    });
    chats.add(tenant, action.userId(), "resident", shown);
    int status = webhooks.send(channel, action.userId(), action.type(), action.text(), action.data());
    return ResponseEntity.ok(Map.of("webhookStatus", status));
  }
}
