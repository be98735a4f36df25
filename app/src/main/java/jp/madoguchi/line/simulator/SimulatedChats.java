package jp.madoguchi.line.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;

/** What the simulated LINE app of each demo resident shows: their messages and the account's. In memory only. */
@SimulatorEnabled
@Component
class SimulatedChats {

  static final List<DemoResident> RESIDENTS = List.of(
      new DemoResident("U0000000000000000000000000000demo1", "山田 花子"),
      new DemoResident("U0000000000000000000000000000demo2", "佐藤 一郎"));
  private static final int KEEP = 200;

  private final Map<String, List<ChatEntry>> chats = new ConcurrentHashMap<>();

  void add(String tenantId, String userId, String from, JsonNode message) {
    List<ChatEntry> chat = chats.computeIfAbsent(tenantId + "/" + userId, key -> new ArrayList<>());
    synchronized (chat) {
      chat.add(new ChatEntry(Instant.now(), from, message));
      if (chat.size() > KEEP) {
        chat.remove(0);
      }
    }
  }

  List<ChatEntry> chat(String tenantId, String userId) {
    List<ChatEntry> chat = chats.getOrDefault(tenantId + "/" + userId, List.of());
    synchronized (chat) {
      return List.copyOf(chat);
    }
  }

  record DemoResident(String userId, String name) {
  }

  /** from: "resident" or "account". */
  record ChatEntry(Instant at, String from, JsonNode message) {
  }
}
