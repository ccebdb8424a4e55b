package io.jxengine.server.repos;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jxengine.scm.ProviderKind;
import io.jxengine.store.StoreDb;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The embedded {@link RepositoryStore}: table {@code repositories} in the engine's SQLite file
 * (migration V3). Trusted users are stored as a JSON array, times as epoch milliseconds.
 *
 * <p>Reads ({@link #get}, {@link #find}, {@link #list}) are served from an in-memory {@link
 * RepositorySnapshot}: each first reads the one-row change counter {@code repositories_version}
 * (migration V7; triggers bump it on every insert, update and delete, whichever process writes,
 * such as {@code jxe import} in a shell while the server runs) and reloads every repository only
 * when it moved. A webhook delivery then costs one tiny read instead of two row reads in
 * transactions, and still sees a re-import or a removal committed by any process before it.
 *
 * <p>Threading and errors: see {@link StoreDb}; every method commits before it returns; SQLite
 * failures are {@link io.jxengine.activity.StoreException}s naming the file.
 */
public final class SqliteRepositoryStore implements RepositoryStore, VersionedRepositories {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COLUMNS =
      "id, provider, owner, name, clone_url, api_url, token_secret, webhook_secret,"
          + " default_branch, trusted_users, local_path, poll_interval_ms, created_ms";

  private final StoreDb db;
  private final Clock clock;
  /** The newest snapshot loaded; replaced whole, never changed. */
  private volatile RepositorySnapshot snapshot;

  public SqliteRepositoryStore(StoreDb db) {
    this(db, Clock.systemUTC());
  }

  public SqliteRepositoryStore(StoreDb db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public Repository save(Repository repo) {
    return db.write(
        "save repository " + repo.fullName(),
        c -> {
          Optional<Repository> existing = find(c, repo.provider(), repo.owner(), repo.name());
          if (existing.isPresent()) {
            Repository old = existing.get();
            String secret = repo.webhookSecret() != null ? repo.webhookSecret() : old.webhookSecret();
            try (PreparedStatement ps =
                c.prepareStatement(
                    "UPDATE repositories SET clone_url = ?, api_url = ?, token_secret = ?,"
                        + " webhook_secret = ?, default_branch = ?, trusted_users = ?,"
                        + " local_path = ?, poll_interval_ms = ? WHERE id = ?")) {
              bindCommon(ps, repo, secret);
              ps.setLong(9, old.id());
              ps.executeUpdate();
            }
            return get(c, old.id()).orElseThrow();
          }
          if (repo.webhookSecret() == null) {
            throw new IllegalArgumentException("a new repository needs a webhook secret");
          }
          long id;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO repositories (clone_url, api_url, token_secret, webhook_secret,"
                      + " default_branch, trusted_users, local_path, poll_interval_ms, provider,"
                      + " owner, name, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bindCommon(ps, repo, repo.webhookSecret());
            ps.setString(9, repo.provider().name());
            ps.setString(10, repo.owner());
            ps.setString(11, repo.name());
            ps.setLong(12, clock.millis());
            ps.executeUpdate();
          }
          try (PreparedStatement ps = c.prepareStatement("SELECT last_insert_rowid()");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            id = rs.getLong(1);
          }
          return get(c, id).orElseThrow();
        });
  }

  @Override
  public Optional<Repository> get(long id) {
    return current().get(id);
  }

  @Override
  public Optional<Repository> find(ProviderKind provider, String owner, String name) {
    return current().find(provider, owner, name);
  }

  @Override
  public List<Repository> list() {
    return current().list();
  }

  @Override
  public RepositorySnapshot cached() {
    RepositorySnapshot cached = snapshot;
    return cached != null ? cached : current();
  }

  @Override
  public Path file() {
    return db.file();
  }

  /** The snapshot for the counter's value now: the cached one, or a fresh load when it moved. */
  @Override
  public RepositorySnapshot current() {
    long version = db.single("read the repositories' version", RepositoriesVersion::read);
    RepositorySnapshot cached = snapshot;
    if (cached != null && cached.version() == version) {
      return cached;
    }
    // Counter and rows read in one transaction, so the snapshot is labelled with its own version.
    // Two threads reloading at once both get a correct snapshot; whichever is stored last may be
    // the older one, which only costs the next caller another reload.
    RepositorySnapshot fresh = db.read("load repositories", c -> new RepositorySnapshot(
        RepositoriesVersion.read(c),
        query(c, "SELECT " + COLUMNS + " FROM repositories ORDER BY id")));
    snapshot = fresh;
    return fresh;
  }

  @Override
  public boolean remove(long id) {
    return db.write(
        "remove repository " + id,
        c -> {
          try (PreparedStatement ps = c.prepareStatement("DELETE FROM repositories WHERE id = ?")) {
            ps.setLong(1, id);
            return ps.executeUpdate() > 0;
          }
        });
  }

  private static Optional<Repository> get(Connection c, long id) throws SQLException {
    return query(c, "SELECT " + COLUMNS + " FROM repositories WHERE id = ?", id).stream()
        .findFirst();
  }

  private static Optional<Repository> find(
      Connection c, ProviderKind provider, String owner, String name) throws SQLException {
    return query(
            c,
            "SELECT " + COLUMNS + " FROM repositories WHERE provider = ? AND owner = ? AND name = ?",
            provider.name(),
            owner,
            name)
        .stream()
        .findFirst();
  }

  private static void bindCommon(PreparedStatement ps, Repository repo, String secret)
      throws SQLException {
    ps.setString(1, repo.cloneUrl());
    ps.setString(2, repo.apiUrl());
    ps.setString(3, repo.tokenSecret());
    ps.setString(4, secret);
    ps.setString(5, repo.defaultBranch());
    ps.setString(6, json(repo.trustedUsers()));
    ps.setString(7, repo.localPath());
    if (repo.pollInterval() == null) {
      ps.setNull(8, Types.INTEGER);
    } else {
      ps.setLong(8, repo.pollInterval().toMillis());
    }
  }

  private static List<Repository> query(Connection c, String sql, Object... args)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      List<Repository> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(row(rs));
        }
      }
      return out;
    }
  }

  private static Repository row(ResultSet rs) throws SQLException {
    ProviderKind provider;
    try {
      provider = ProviderKind.valueOf(rs.getString("provider"));
    } catch (IllegalArgumentException e) {
      throw new SQLException("unknown provider '" + rs.getString("provider") + "'", e);
    }
    long poll = rs.getLong("poll_interval_ms");
    Duration pollInterval = rs.wasNull() ? null : Duration.ofMillis(poll);
    return new Repository(
        rs.getLong("id"),
        provider,
        rs.getString("owner"),
        rs.getString("name"),
        rs.getString("clone_url"),
        rs.getString("api_url"),
        rs.getString("token_secret"),
        rs.getString("webhook_secret"),
        rs.getString("default_branch"),
        users(rs.getString("trusted_users")),
        rs.getString("local_path"),
        pollInterval,
        Instant.ofEpochMilli(rs.getLong("created_ms")));
  }

  private static String json(List<String> users) throws SQLException {
    try {
      return JSON.writeValueAsString(users);
    } catch (JsonProcessingException e) {
      throw new SQLException("cannot write trusted users as JSON", e);
    }
  }

  private static List<String> users(String json) throws SQLException {
    try {
      return JSON.readValue(json, new TypeReference<List<String>>() {});
    } catch (JsonProcessingException e) {
      throw new SQLException("trusted_users is not a JSON array: " + e.getOriginalMessage(), e);
    }
  }
}
