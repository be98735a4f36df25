package jp.madoguchi.statistics;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import jp.madoguchi.statistics.Statistics.Payments;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Fees paid online, per month (JST, by the time of payment) and procedure. */
@Repository
class PaymentTotals {

  private final JdbcTemplate jdbc;

  PaymentTotals(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  List<Payments> query(String tenantId, StatisticsPeriod period) {
    return jdbc.query("""
        SELECT date_trunc('month', p.paid_at AT TIME ZONE 'Asia/Tokyo')::date AS month, a.procedure_key,
               count(*) AS n, sum(p.amount) AS amount
        FROM payment p JOIN application a ON a.id = p.application_id AND a.tenant_id = p.tenant_id
        WHERE p.tenant_id = ? AND p.status = 'PAID' AND p.paid_at >= ? AND p.paid_at < ?
        GROUP BY 1, 2 ORDER BY 1, 2""",
        (rs, row) -> new Payments(YearMonth.from(rs.getObject(1, LocalDate.class)), rs.getString(2), rs.getLong(3),
            rs.getLong(4)),
        tenantId, Timestamp.from(period.startInstant()), Timestamp.from(period.endInstant()));
  }
}
