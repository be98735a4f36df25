package jp.madoguchi.line;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jp.madoguchi.crypto.ThreadRandom;
import jp.madoguchi.tenant.TenantKeys;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Webhook events, stored once per {@code webhookEventId} (a unique constraint collapses LINE's
 * redeliveries and concurrent duplicates) before LINE gets its 200, handled afterwards.
 */
@Repository
class LineInbox {

  static final String PURPOSE = "line_inbox.event";
  private static final Set<String> FOLLOW_EVENTS = Set.of("follow", "unfollow");
  /** LINE waits for the acknowledgement; a database that does not answer within this is treated as down. */
  static final Duration STORE_DEADLINE = Duration.ofSeconds(3);
  /** PostgreSQL takes at most 65,535 parameters per statement; a 1 MB body can hold far more events. */
  private static final int ROWS_PER_INSERT = 1_000;

  private final JdbcTemplate jdbc;
  private final TenantKeys keys;

  LineInbox(JdbcTemplate jdbc, TenantKeys keys) {
    this.jdbc = jdbc;
    this.keys = keys;
  }

  /**
   * @return ids of the events that were new
   * @throws org.springframework.dao.DataAccessException also when the database has not answered
   *     within {@link #STORE_DEADLINE} (LINE then gets a 503 and redelivers)
   */
  @Transactional
  public List<UUID> store(String tenantId, List<IncomingEvent> events) {
    limitWait(STORE_DEADLINE);
    List<UUID> ids = new ArrayList<>(events.size());
    List<byte[]> sealed = new ArrayList<>(events.size());
    for (IncomingEvent event : events) {
      ids.add(ThreadRandom.uuid());
      sealed.add(keys.encrypt(tenantId, PURPOSE, event.json()));
    }
    Set<UUID> inserted = new HashSet<>();
    for (int from = 0; from < events.size(); from += ROWS_PER_INSERT) {
      int to = Math.min(events.size(), from + ROWS_PER_INSERT);
      inserted.addAll(insertNew(tenantId, events.subList(from, to), ids.subList(from, to), sealed.subList(from, to)));
    }
    List<UUID> fresh = new ArrayList<>();
    boolean followChanges = false;
    for (int i = 0; i < ids.size(); i++) {
      if (inserted.contains(ids.get(i))) {
        fresh.add(ids.get(i));
        followChanges |= FOLLOW_EVENTS.contains(events.get(i).type());
      }
    }
    if (followChanges) {
      countFollows(fresh);
    }
    return fresh;
  }

  /**
   * One statement that names the rows it inserted: a JDBC batch's update counts do not, once the
   * driver rewrites batched inserts into multi-row ones ({@code reWriteBatchedInserts}).
   */
  private List<UUID> insertNew(String tenantId, List<IncomingEvent> events, List<UUID> ids, List<byte[]> sealed) {
    String rows = String.join(", ", Collections.nCopies(events.size(), "(?, ?, ?, ?, ?, ?)"));
    return jdbc.query(connection -> {
      PreparedStatement statement = connection.prepareStatement("""
          INSERT INTO line_inbox (id, tenant_id, webhook_event_id, event_type, event, redelivery)
          VALUES %s ON CONFLICT (tenant_id, webhook_event_id) DO NOTHING RETURNING id""".formatted(rows));
      int parameter = 0;
      for (int i = 0; i < events.size(); i++) {
        IncomingEvent event = events.get(i);
        statement.setObject(++parameter, ids.get(i));
        statement.setString(++parameter, tenantId);
        statement.setString(++parameter, event.webhookEventId());
        statement.setString(++parameter, event.type());
        statement.setBytes(++parameter, sealed.get(i));
        statement.setBoolean(++parameter, event.redelivery());
      }
      return statement;
    }, (result, row) -> result.getObject(1, UUID.class));
  }

  /**
   * Follows and unfollows (blocks) per day for the usage statistics, counted once per stored event,
   * so LINE's redeliveries are not counted twice.
   */
  private void countFollows(List<UUID> fresh) {
    jdbc.update("""
        INSERT INTO line_follow_daily (tenant_id, day, follows, unfollows)
        SELECT tenant_id, (received_at AT TIME ZONE 'Asia/Tokyo')::date,
               count(*) FILTER (WHERE event_type = 'follow'), count(*) FILTER (WHERE event_type = 'unfollow')
        FROM line_inbox WHERE id = ANY (?) AND event_type IN ('follow', 'unfollow')
        GROUP BY 1, 2
        ON CONFLICT (tenant_id, day) DO UPDATE SET follows = line_follow_daily.follows + EXCLUDED.follows,
                                                   unfollows = line_follow_daily.unfollows + EXCLUDED.unfollows""",
        (Object) fresh.toArray(UUID[]::new));
  }

  /** The transaction's connection stops waiting for the server after this (the pool resets it afterwards). */
  private void limitWait(Duration deadline) {
    Connection connection = DataSourceUtils.getConnection(jdbc.getDataSource());
    try {
      connection.setNetworkTimeout(Runnable::run, (int) deadline.toMillis());
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException("could not limit the wait for the database", e);
    }
  }

  /**
   * Takes pending events for handling, except those of held tenants; a node that dies holding them
   * gives them back after the lease (kept alive by {@link #extendLease} while they are handled).
   * Taking an event records, before anything is sent, that its reply may go out: the returned
   * {@code pushAllowed} says whether every earlier try certainly did not answer the resident.
   */
  List<InboxEvent> claim(int limit, Duration lease, java.util.Collection<String> heldTenants) {
    return jdbc.query("""
        UPDATE line_inbox i SET locked_until = now() + (? * interval '1 millisecond'), attempts = i.attempts + 1,
                                reply_maybe_sent = true
        FROM (SELECT id, reply_maybe_sent FROM line_inbox
              WHERE status = 'PENDING' AND (locked_until IS NULL OR locked_until < now())
                AND NOT (tenant_id = ANY (?))
              ORDER BY received_at LIMIT ? FOR UPDATE SKIP LOCKED) taken
        WHERE i.id = taken.id
        RETURNING i.id, i.tenant_id, i.event, i.attempts, i.received_at, NOT taken.reply_maybe_sent AS push_allowed""",
        (rs, row) -> {
          String tenantId = rs.getString("tenant_id");
          return new InboxEvent(rs.getObject("id", UUID.class), tenantId,
              keys.decrypt(tenantId, PURPOSE, rs.getBytes("event")), rs.getInt("attempts"),
              rs.getTimestamp("received_at").toInstant(), rs.getBoolean("push_allowed"));
        }, lease.toMillis(), (Object) heldTenants.toArray(String[]::new), limit).stream()
        .sorted(java.util.Comparator.comparing(InboxEvent::receivedAt))
        .toList();
  }

  /**
   * Keeps the events being handled from being taken by another node. Rows another transaction holds
   * are skipped, not waited for: that is the batch being marked done or an event's retry being
   * recorded, and waiting while holding the other rows deadlocked with {@link #done}.
   */
  void extendLease(java.util.Collection<UUID> ids, Duration lease) {
    if (!ids.isEmpty()) {
      jdbc.update("""
          UPDATE line_inbox SET locked_until = now() + (? * interval '1 millisecond')
          WHERE id IN (SELECT id FROM line_inbox WHERE id = ANY (?) AND status = 'PENDING' FOR UPDATE SKIP LOCKED)""",
          lease.toMillis(), (Object) ids.toArray(UUID[]::new));
    }
  }

  void done(List<UUID> ids) {
    if (!ids.isEmpty()) {
      jdbc.update("UPDATE line_inbox SET status = 'DONE', processed_at = now(), locked_until = NULL, last_error = NULL "
          + "WHERE id = ANY (?)", (Object) ids.toArray(UUID[]::new));
    }
  }

  /**
   * @param replyCertainlyNotSent this try did not answer the resident (it failed before calling LINE,
   *     LINE refused the call, or the answer was a push, which its retry key keeps single); combined
   *     with what was known of the earlier tries
   */
  void retryLater(UUID id, java.time.Instant when, String error, boolean replyCertainlyNotSent) {
    jdbc.update("UPDATE line_inbox SET locked_until = ?, last_error = ?, reply_maybe_sent = ? WHERE id = ?",
        java.sql.Timestamp.from(when), truncate(error), !replyCertainlyNotSent, id);
  }

  void failed(UUID id, String error) {
    jdbc.update("UPDATE line_inbox SET status = 'FAILED', processed_at = now(), last_error = ? WHERE id = ?",
        truncate(error), id);
  }

  private static String truncate(String error) {
    return error == null ? null : error.substring(0, Math.min(error.length(), 500));
  }

  record InboxEvent(UUID id, String tenantId, String json, int attempts, java.time.Instant receivedAt,
      boolean pushAllowed) {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The conversation the event belongs to, so that one resident's events keep their order. */
    String sourceKey() {
      try {
        var source = JSON.readTree(json).path("source");
        for (String field : List.of("userId", "groupId", "roomId")) {
          if (source.hasNonNull(field)) {
            return source.get(field).asText();
          }
        }
      } catch (java.io.IOException e) {
        // not JSON: the handler will say so; alone in its lane
      }
      return id.toString();
    }
  }
}
