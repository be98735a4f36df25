package jp.madoguchi.export;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jp.madoguchi.identity.IdentityAttributes;
import jp.madoguchi.notification.NotificationTexts;
import jp.madoguchi.payment.PaymentDescriptions;
import org.springframework.stereotype.Component;

/**
 * Madoguchi's own records of the applications: {@code applications/payments.json},
 * {@code applications/identity-requests.json}, {@code applications/notifications.json},
 * {@code applications/resident-requests.json} (corrections and withdrawals a resident sent) and
 * {@code applications/callbacks.json} (what payment and identity providers reported), each read
 * from a cursor, its sealed text opened by the owning feature. Their texts (what a fee is for, the
 * verified identity, a message to the resident) are made from the application's data and carry no
 * label of their own: only an export with 要配慮個人情報 holds them. Never the links handed to the
 * resident (a payment page, an identity provider's page) nor the resident's LINE id.
 */
@Component
class ResidentRecordsExport {

  static final String PAYMENTS = "applications/payments.json";
  static final String IDENTITY_REQUESTS = "applications/identity-requests.json";
  static final String NOTIFICATIONS = "applications/notifications.json";
  static final String RESIDENT_REQUESTS = "applications/resident-requests.json";
  static final String CALLBACKS = "applications/callbacks.json";

  private static final String PAYMENT_ROWS = """
      SELECT p.id, a.number, p.process_instance_id, p.amount, p.description, p.description_sealed, p.status, p.provider,
             p.provider_ref, p.created_at, p.updated_at, p.paid_at
      FROM payment p JOIN application a ON a.id = p.application_id AND a.tenant_id = p.tenant_id
      WHERE p.tenant_id = ? ORDER BY a.number, p.created_at, p.id""";
  private static final String IDENTITY_ROWS = """
      SELECT r.id, a.number, r.process_instance_id, r.status, r.provider, r.provider_ref, r.assurance_level,
             r.attributes, r.created_at, r.updated_at
      FROM identity_request r JOIN application a ON a.id = r.application_id AND a.tenant_id = r.tenant_id
      WHERE r.tenant_id = ? ORDER BY a.number, r.created_at, r.id""";
  private static final String NOTIFICATION_ROWS = """
      SELECT n.id, a.number, n.process_instance_id, n.activity_id, n.status, n.attempts, n.message, n.created_at,
             n.sent_at
      FROM notification_outbox n LEFT JOIN application a ON a.id = n.application_id AND a.tenant_id = n.tenant_id
      WHERE n.tenant_id = ? ORDER BY n.created_at, n.id""";
  private static final String RESIDENT_REQUEST_ROWS = """
      SELECT a.number, a.process_instance_id, r.action, r.created_at
      FROM resident_action_request r JOIN application a ON a.id = r.application_id AND a.tenant_id = r.tenant_id
      WHERE r.tenant_id = ? ORDER BY a.number, r.created_at, r.client_request_id""";
  private static final String CALLBACK_ROWS = """
      SELECT c.channel, c.event_id, c.reference, c.outcome, c.result, c.received_at, a.number, a.process_instance_id
      FROM callback_event c
      LEFT JOIN payment p ON c.channel = 'payment' AND p.tenant_id = c.tenant_id AND p.provider_ref = c.reference
      LEFT JOIN identity_request i ON c.channel = 'identity' AND i.tenant_id = c.tenant_id AND i.provider_ref = c.reference
      LEFT JOIN application a ON a.id = coalesce(p.application_id, i.application_id) AND a.tenant_id = c.tenant_id
      WHERE c.tenant_id = ? ORDER BY c.received_at, c.channel, c.event_id""";

  private final TenantCursor cursor;
  private final PaymentDescriptions descriptions;
  private final IdentityAttributes attributes;
  private final NotificationTexts texts;
  private final ObjectMapper json;

  ResidentRecordsExport(TenantCursor cursor, PaymentDescriptions descriptions, IdentityAttributes attributes,
      NotificationTexts texts, ObjectMapper json) {
    this.cursor = cursor;
    this.descriptions = descriptions;
    this.attributes = attributes;
    this.texts = texts;
    this.json = json.copy().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  }

  /** Writes the five files; returns the number of records of each. */
  Map<String, Long> write(ExportZip zip, String tenantId, boolean includeSensitive, ExportProgress progress)
      throws Exception {
    progress.phase("resident-records", 5);
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("payments", each(zip, PAYMENTS, PAYMENT_ROWS, tenantId, rs -> {
      Map<String, Object> payment = common(rs);
      payment.put("amount", rs.getInt("amount"));
      if (includeSensitive) {
        payment.put("description", descriptions.open(tenantId, rs.getBytes("description_sealed"),
            rs.getString("description")));
      }
      payment.put("status", rs.getString("status"));
      payment.put("provider", rs.getString("provider"));
      payment.put("providerRef", rs.getString("provider_ref"));
      payment.put("createdAt", time(rs, "created_at"));
      payment.put("updatedAt", time(rs, "updated_at"));
      payment.put("paidAt", time(rs, "paid_at"));
      return payment;
    }));
    progress.item();
    counts.put("identityRequests", each(zip, IDENTITY_REQUESTS, IDENTITY_ROWS, tenantId, rs -> {
      Map<String, Object> request = common(rs);
      request.put("status", rs.getString("status"));
      request.put("provider", rs.getString("provider"));
      request.put("providerRef", rs.getString("provider_ref"));
      request.put("assuranceLevel", rs.getString("assurance_level"));
      if (includeSensitive) {
        String opened = attributes.open(tenantId, rs.getBytes("attributes"));
        request.put("attributes", opened == null ? null : json.readTree(opened));
      }
      request.put("createdAt", time(rs, "created_at"));
      request.put("updatedAt", time(rs, "updated_at"));
      return request;
    }));
    progress.item();
    counts.put("notifications", each(zip, NOTIFICATIONS, NOTIFICATION_ROWS, tenantId, rs -> {
      Map<String, Object> notification = common(rs);
      notification.put("step", rs.getString("activity_id"));
      if (includeSensitive) {
        notification.put("text", texts.open(tenantId, rs.getBytes("message")));
      }
      notification.put("status", rs.getString("status"));
      notification.put("attempts", rs.getInt("attempts"));
      notification.put("createdAt", time(rs, "created_at"));
      notification.put("sentAt", time(rs, "sent_at"));
      return notification;
    }));
    progress.item();
    counts.put("residentRequests", each(zip, RESIDENT_REQUESTS, RESIDENT_REQUEST_ROWS, tenantId, rs -> {
      Map<String, Object> request = new LinkedHashMap<>();
      request.put("application", rs.getString("number"));
      request.put("processInstanceId", rs.getString("process_instance_id"));
      request.put("action", rs.getString("action"));
      request.put("requestedAt", time(rs, "created_at"));
      return request;
    }));
    progress.item();
    counts.put("callbacks", each(zip, CALLBACKS, CALLBACK_ROWS, tenantId, rs -> {
      Map<String, Object> callback = new LinkedHashMap<>();
      callback.put("application", rs.getString("number"));
      callback.put("processInstanceId", rs.getString("process_instance_id"));
      callback.put("channel", rs.getString("channel"));
      callback.put("eventId", rs.getString("event_id"));
      callback.put("providerRef", rs.getString("reference"));
      callback.put("outcome", rs.getString("outcome"));
      callback.put("result", rs.getString("result"));
      callback.put("receivedAt", time(rs, "received_at"));
      return callback;
    }));
    progress.item();
    return counts;
  }

  private interface Element {
    Map<String, Object> of(ResultSet row) throws Exception;
  }

  private long each(ExportZip zip, String path, String query, String tenantId, Element element) throws Exception {
    try (JsonArrayFile file = new JsonArrayFile(zip, path, json)) {
      cursor.forEach(query, tenantId, rs -> file.add(element.of(rs)));
      return file.count();
    }
  }

  private static Map<String, Object> common(ResultSet rs) throws SQLException {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("id", rs.getString("id"));
    record.put("application", rs.getString("number"));
    record.put("processInstanceId", rs.getString("process_instance_id"));
    return record;
  }

  private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
    return ExportStore.inJst(rs.getTimestamp(column));
  }
}
