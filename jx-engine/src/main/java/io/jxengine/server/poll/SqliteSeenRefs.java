package io.jxengine.server.poll;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jxengine.store.StoreDb;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** {@link SeenRefs} in table {@code repository_polls} (migration V3); refs as a JSON object. */
public final class SqliteSeenRefs implements SeenRefs {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final StoreDb db;

  public SqliteSeenRefs(StoreDb db) {
    this.db = db;
  }

  @Override
  public Optional<Snapshot> load(long repoId) {
    return db.read(
        "read the refs polled for repository " + repoId,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT polled_ms, refs FROM repository_polls WHERE repo_id = ?")) {
            ps.setLong(1, repoId);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return Optional.empty();
              }
              return Optional.of(
                  new Snapshot(Instant.ofEpochMilli(rs.getLong(1)), refs(rs.getString(2))));
            }
          }
        });
  }

  @Override
  public void save(long repoId, Snapshot snapshot) {
    db.write(
        "record the refs polled for repository " + repoId,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO repository_polls (repo_id, polled_ms, refs) VALUES (?, ?, ?)"
                      + " ON CONFLICT (repo_id) DO UPDATE SET polled_ms = excluded.polled_ms,"
                      + " refs = excluded.refs")) {
            ps.setLong(1, repoId);
            ps.setLong(2, snapshot.polledAt().toEpochMilli());
            ps.setString(3, json(snapshot.refs()));
            return ps.executeUpdate();
          }
        });
  }

  private static String json(Map<String, String> refs) throws SQLException {
    try {
      return JSON.writeValueAsString(new TreeMap<>(refs));
    } catch (JsonProcessingException e) {
      throw new SQLException("cannot write refs as JSON", e);
    }
  }

  private static Map<String, String> refs(String json) throws SQLException {
    try {
      return JSON.readValue(json, new TypeReference<Map<String, String>>() {});
    } catch (JsonProcessingException e) {
      throw new SQLException("repository_polls.refs is not a JSON object: " + e.getOriginalMessage(), e);
    }
  }
}
