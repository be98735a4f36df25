package jp.madoguchi.line;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.bot.parser.LineSignatureValidator;
import jp.madoguchi.database.DatabaseOutage;
import jp.madoguchi.gate.TenantDirectory;
import jp.madoguchi.gate.TenantDirectory.TenantGate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * LINE's webhook for one tenant's channel ({@code POST /line/{tenant}/webhook}, served by
 * {@link LineWebhookServlet}). The signature is checked on the raw bytes, the events are stored,
 * and LINE gets its 200 before any handling.
 */
@Component
class LineWebhookReceiver {

  private static final Logger log = LoggerFactory.getLogger(LineWebhookReceiver.class);
  static final int MAX_BODY_BYTES = 1 << 20;
  private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.US_ASCII);

  /** What LINE is answered: a status, a JSON body and whether it should redeliver later. */
  record Answer(HttpStatus status, byte[] json, boolean retryLater) {
  }

  private final TenantDirectory tenants;
  private final LineChannels channels;
  private final LineInbox inbox;
  private final LineEventDispatcher dispatcher;
  private final ObjectMapper json;

  LineWebhookReceiver(TenantDirectory tenants, LineChannels channels, LineInbox inbox, LineEventDispatcher dispatcher,
      ObjectMapper json) {
    this.tenants = tenants;
    this.channels = channels;
    this.inbox = inbox;
    this.dispatcher = dispatcher;
    this.json = json;
  }

  /** @param body the request's body, read up to one byte more than {@link #MAX_BODY_BYTES} */
  Answer receive(String tenant, String signature, byte[] body) {
    LineChannel channel;
    try {
      // read again every few seconds, so a suspension made on another node reaches this one too
      Optional<TenantGate> known = tenants.find(tenant);
      if (known.isPresent() && !known.get().active()) {
        // LINE asks bot servers to answer every webhook with 200 (otherwise it redelivers and flags the
        // channel): a suspended municipality's events are acknowledged and dropped, never stored or answered
        log.info("Webhook for suspended tenant {} acknowledged and dropped", tenant);
        return acknowledged();
      }
      channel = known.isEmpty() ? null : channels.find(tenant).orElse(null);
    } catch (RuntimeException e) {
      if (!DatabaseOutage.isCause(e)) {
        throw e;
      }
      return unavailable(tenant, e);
    }
    if (channel == null) {
      return error(HttpStatus.NOT_FOUND, "No LINE channel is configured for this tenant");
    }
    if (signature == null || signature.isBlank()) {
      return error(HttpStatus.BAD_REQUEST, "The x-line-signature header is missing");
    }
    if (body.length > MAX_BODY_BYTES) {
      return error(HttpStatus.PAYLOAD_TOO_LARGE, "The webhook body is larger than 1 MiB");
    }
    if (!signatureValid(channel, body, signature)) {
      log.warn("Webhook for tenant {} refused: signature does not match", tenant);
      return error(HttpStatus.UNAUTHORIZED, "The signature does not match this channel");
    }
    List<IncomingEvent> events;
    try {
      events = parse(body);
    } catch (IOException | IllegalArgumentException e) {
      return error(HttpStatus.BAD_REQUEST, "The body is not a LINE webhook request: " + e.getMessage());
    }
    List<UUID> fresh;
    try {
      fresh = events.isEmpty() ? List.of() : inbox.store(tenant, events);
    } catch (RuntimeException e) {
      if (!DatabaseOutage.isCause(e)) {
        throw e;
      }
      return unavailable(tenant, e);
    }
    dispatcher.afterAcknowledge(fresh);
    return acknowledged();
  }

  private static boolean signatureValid(LineChannel channel, byte[] payload, String signature) {
    try {
      return new LineSignatureValidator(channel.secretBytes()).validateSignature(payload, signature);
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
  }

  private List<IncomingEvent> parse(byte[] payload) throws IOException {
    JsonNode root = json.readTree(payload);
    if (root == null || !root.path("events").isArray()) {
      throw new IllegalArgumentException("no events array");
    }
    List<IncomingEvent> events = new ArrayList<>();
    for (JsonNode event : root.get("events")) {
      String id = event.path("webhookEventId").asText("");
      if (id.isEmpty() || id.length() > 64) {
        throw new IllegalArgumentException("an event has no valid webhookEventId");
      }
      events.add(new IncomingEvent(id, event.path("type").asText("unknown"),
          event.path("deliveryContext").path("isRedelivery").asBoolean(false), json.writeValueAsString(event)));
    }
    return events;
  }

  /** {@code 200 {}} as prepared bytes: LINE times the acknowledgement, so no JSON writer is built for it. */
  private static Answer acknowledged() {
    return new Answer(HttpStatus.OK, EMPTY_OBJECT, false);
  }

  /** LINE redelivers events answered with a 5xx. */
  private Answer unavailable(String tenant, RuntimeException e) {
    log.error("Webhook for tenant {} not stored; LINE will redeliver: {}", tenant, e.toString());
    return new Answer(HttpStatus.SERVICE_UNAVAILABLE, message("Temporarily unable to accept events; please redeliver"),
        true);
  }

  Answer error(HttpStatus status, String message) {
    return new Answer(status, message(message), false);
  }

  private byte[] message(String message) {
    try {
      return json.writeValueAsBytes(Map.of("message", message));
    } catch (IOException e) {
      throw new IllegalStateException("a message map is always writable", e);
    }
  }
}
