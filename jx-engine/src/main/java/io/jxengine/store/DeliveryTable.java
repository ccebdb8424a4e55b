package io.jxengine.store;

import io.jxengine.scm.ProviderKind;
import io.jxengine.server.queue.Delivery;
import io.jxengine.server.queue.DeliveryState;
import io.jxengine.server.queue.NewDelivery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** SQL for the {@code deliveries} table. Callers supply the connection and the transaction. */
final class DeliveryTable {
  private static final String COLUMNS =
      "id, provider, delivery_id, event_name, repository_id, event_kind, event_json,"
          + " received_ms, state, attempts, error, note";

  private DeliveryTable() {}

  /** Inserts unless (provider, delivery id) exists; returns the new row's id or empty. */
  static Optional<Long> insertIfAbsent(Connection c, NewDelivery d, String headersJson, Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO deliveries (provider, delivery_id, event_name, headers, body,"
                + " repository_id, event_kind, event_json, received_ms, state)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (provider, delivery_id) DO NOTHING",
            PreparedStatement.RETURN_GENERATED_KEYS)) {
      Sql.bind(ps, d.provider(), d.deliveryId(), d.eventName(), headersJson, d.body(),
          d.repositoryId(), d.eventKind(), d.eventJson(), now, DeliveryState.received);
      if (ps.executeUpdate() == 0) {
        return Optional.empty();
      }
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return Optional.of(keys.getLong(1));
      }
    }
  }

  static long idOf(Connection c, ProviderKind provider, String deliveryId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT id FROM deliveries WHERE provider = ? AND delivery_id = ?")) {
      Sql.bind(ps, provider, deliveryId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  static Optional<Delivery> oldestReceived(Connection c) throws SQLException {
    return one(c, "SELECT " + COLUMNS + " FROM deliveries WHERE state = ? ORDER BY id LIMIT 1",
        DeliveryState.received);
  }

  static Optional<Delivery> byId(Connection c, long id) throws SQLException {
    return one(c, "SELECT " + COLUMNS + " FROM deliveries WHERE id = ?", id);
  }

  static int markProcessing(Connection c, long id) throws SQLException {
    return update(c, "UPDATE deliveries SET state = ?, attempts = attempts + 1"
        + " WHERE id = ? AND state = ?", DeliveryState.processing, id, DeliveryState.received);
  }

  static int finish(Connection c, long id, DeliveryState state, String error, String note)
      throws SQLException {
    return update(c, "UPDATE deliveries SET state = ?, error = ?, note = ? WHERE id = ?",
        state, error, note, id);
  }

  static int requeueProcessing(Connection c) throws SQLException {
    return update(c, "UPDATE deliveries SET state = ? WHERE state = ?",
        DeliveryState.received, DeliveryState.processing);
  }

  static Map<DeliveryState, Long> countByState(Connection c) throws SQLException {
    Map<DeliveryState, Long> counts = new EnumMap<>(DeliveryState.class);
    try (PreparedStatement ps =
            c.prepareStatement("SELECT state, COUNT(*) FROM deliveries GROUP BY state");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        counts.put(Sql.enumOf(DeliveryState.class, rs, "state"), rs.getLong(2));
      }
    }
    return counts;
  }

  private static int update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      Sql.bind(ps, params);
      return ps.executeUpdate();
    }
  }

  private static Optional<Delivery> one(Connection c, String sql, Object... params)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      Sql.bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new Delivery(
            rs.getLong("id"),
            Sql.enumOf(ProviderKind.class, rs, "provider"),
            rs.getString("delivery_id"),
            rs.getString("event_name"),
            rs.getLong("repository_id"),
            rs.getString("event_kind"),
            rs.getString("event_json"),
            Sql.instant(rs, "received_ms"),
            Sql.enumOf(DeliveryState.class, rs, "state"),
            rs.getInt("attempts"),
            rs.getString("error"),
            rs.getString("note")));
      }
    }
  }
}
