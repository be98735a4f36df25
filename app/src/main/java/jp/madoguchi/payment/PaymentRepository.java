package jp.madoguchi.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jp.madoguchi.tenant.TenantKeys;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Repository;

/** Every query names the tenant. */
@Repository
class PaymentRepository {

  private static final String COLUMNS = "id, tenant_id, application_id, process_instance_id, amount, description, "
      + "description_sealed, status, provider, provider_ref, pay_url, created_at, paid_at";
  /** The description is made from the application's data (e.g. {@code ${copies}通}): stored encrypted. */
  static final String DESCRIPTION = "payment.description";

  private final JdbcTemplate jdbc;
  private final TenantKeys keys;

  PaymentRepository(JdbcTemplate jdbc, TenantKeys keys) {
    this.jdbc = jdbc;
    this.keys = keys;
  }

  void insert(Payment payment) {
    jdbc.update("""
        INSERT INTO payment (id, tenant_id, application_id, process_instance_id, amount, description_sealed, status,
                             provider, provider_ref, pay_url, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        payment.id(), payment.tenantId(), payment.applicationId(), payment.processInstanceId(), payment.amount(),
        keys.encrypt(payment.tenantId(), DESCRIPTION, payment.description()), payment.status().name(), payment.provider(), payment.providerRef(), payment.payUrl(),
        Timestamp.from(payment.createdAt()), Timestamp.from(payment.createdAt()));
  }

  Optional<Payment> find(String tenantId, UUID id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM payment WHERE tenant_id = ? AND id = ?", this::map,
        tenantId, id).stream().findFirst();
  }

  Optional<Payment> findByProviderRef(String tenantId, String providerRef) {
    return jdbc.query("SELECT " + COLUMNS + " FROM payment WHERE tenant_id = ? AND provider_ref = ? FOR UPDATE",
        this::map, tenantId, providerRef).stream().findFirst();
  }

  Optional<Payment> latestOfApplication(String tenantId, UUID applicationId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM payment WHERE tenant_id = ? AND application_id = ? "
        + "ORDER BY created_at DESC LIMIT 1", this::map, tenantId, applicationId).stream().findFirst();
  }

  Optional<Payment> requestedOfProcessInstance(String tenantId, String processInstanceId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM payment WHERE tenant_id = ? AND process_instance_id = ? "
        + "AND status = 'REQUESTED' ORDER BY created_at DESC LIMIT 1", this::map,
        tenantId, processInstanceId).stream().findFirst();
  }

  /** Moves a payment on only from REQUESTED; false when it had already moved. */
  boolean settle(String tenantId, UUID id, Payment.Status status, Instant at) {
    return jdbc.update("""
        UPDATE payment SET status = ?, updated_at = ?, paid_at = ?
        WHERE tenant_id = ? AND id = ? AND status = 'REQUESTED'""",
        status.name(), Timestamp.from(at),
        new SqlParameterValue(Types.TIMESTAMP, status == Payment.Status.PAID ? Timestamp.from(at) : null),
        tenantId, id) == 1;
  }

  /** Descriptions stored before they were sealed (changelog 070) are sealed at start. */
  @EventListener(ApplicationReadyEvent.class)
  void sealDescriptionsStoredInClear() {
    jdbc.query("SELECT id, tenant_id, description FROM payment WHERE description IS NOT NULL", rs -> {
      jdbc.update("UPDATE payment SET description_sealed = ?, description = NULL WHERE id = ?",
          keys.encrypt(rs.getString("tenant_id"), DESCRIPTION, rs.getString("description")), rs.getObject("id", UUID.class));
    });
  }

  private Payment map(ResultSet rs, int row) throws SQLException {
    Timestamp paidAt = rs.getTimestamp("paid_at");
    String tenantId = rs.getString("tenant_id");
    byte[] sealed = rs.getBytes("description_sealed");
    String description = sealed == null ? rs.getString("description") : keys.decrypt(tenantId, DESCRIPTION, sealed);
    return new Payment(rs.getObject("id", UUID.class), tenantId, rs.getObject("application_id", UUID.class),
        rs.getString("process_instance_id"), rs.getInt("amount"), description,
        Payment.Status.valueOf(rs.getString("status")), rs.getString("provider"), rs.getString("provider_ref"), rs.getString("pay_url"),
        rs.getTimestamp("created_at").toInstant(), paidAt == null ? null : paidAt.toInstant());
  }
}
