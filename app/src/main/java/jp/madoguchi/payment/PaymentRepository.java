package jp.madoguchi.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Repository;

/** Every query names the tenant. */
@Repository
class PaymentRepository {

  private static final String COLUMNS = "id, tenant_id, application_id, process_instance_id, amount, description, "
      + "status, provider, provider_ref, pay_url, created_at, paid_at";

  private final JdbcTemplate jdbc;

  PaymentRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Payment payment) {
    jdbc.update("""
        INSERT INTO payment (id, tenant_id, application_id, process_instance_id, amount, description, status,
                             provider, provider_ref, pay_url, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        payment.id(), payment.tenantId(), payment.applicationId(), payment.processInstanceId(), payment.amount(),
        payment.description(), payment.status().name(), payment.provider(), payment.providerRef(), payment.payUrl(),
        Timestamp.from(payment.createdAt()), Timestamp.from(payment.createdAt()));
  }

  Optional<Payment> find(String tenantId, UUID id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM payment WHERE tenant_id = ? AND id = ?", PaymentRepository::map,
        tenantId, id).stream().findFirst();
  }

  Optional<Payment> findByProviderRef(String tenantId, String providerRef) {
    return jdbc.query("SELECT " + COLUMNS + " FROM payment WHERE tenant_id = ? AND provider_ref = ? FOR UPDATE",
        PaymentRepository::map, tenantId, providerRef).stream().findFirst();
  }

  Optional<Payment> latestOfApplication(String tenantId, UUID applicationId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM payment WHERE tenant_id = ? AND application_id = ? "
        + "ORDER BY created_at DESC LIMIT 1", PaymentRepository::map, tenantId, applicationId).stream().findFirst();
  }

  Optional<Payment> requestedOfProcessInstance(String tenantId, String processInstanceId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM payment WHERE tenant_id = ? AND process_instance_id = ? "
        + "AND status = 'REQUESTED' ORDER BY created_at DESC LIMIT 1", PaymentRepository::map,
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

  private static Payment map(ResultSet rs, int row) throws SQLException {
    Timestamp paidAt = rs.getTimestamp("paid_at");
    return new Payment(rs.getObject("id", UUID.class), rs.getString("tenant_id"), rs.getObject("application_id", UUID.class),
        rs.getString("process_instance_id"), rs.getInt("amount"), rs.getString("description"),
        Payment.Status.valueOf(rs.getString("status")), rs.getString("provider"), rs.getString("provider_ref"), rs.getString("pay_url"),
        rs.getTimestamp("created_at").toInstant(), paidAt == null ? null : paidAt.toInstant());
  }
}
