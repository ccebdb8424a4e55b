package io.jxengine.store;

import io.jxengine.gitops.Deployment;
import io.jxengine.gitops.Environment;
import io.jxengine.gitops.EnvironmentStore;
import io.jxengine.gitops.PromotionStrategy;
import io.jxengine.scm.ProviderKind;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link EnvironmentStore} on the engine's SQLite file (tables of migration V6). Its own
 * connection, serialised by {@link StoreDb}; every method is one committed transaction.
 */
public final class SqliteEnvironmentStore implements EnvironmentStore {
  private static final String ENV_COLUMNS =
      "name, namespace, strategy, cluster, repo_url, provider, owner, repo_name, api_url,"
          + " token_secret, branch, created";

  private final StoreDb db;
  private final Clock clock;

  private SqliteEnvironmentStore(StoreDb db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Opens (creating and migrating if needed) the store file. */
  public static SqliteEnvironmentStore open(Path dbFile) {
    return new SqliteEnvironmentStore(StoreFile.openAtLatest(dbFile).db(), Clock.systemUTC());
  }

  @Override
  public boolean register(Environment e) {
    return db.write("register environment " + e.name(), c -> {
      try (PreparedStatement s = c.prepareStatement("INSERT OR IGNORE INTO environments ("
          + ENV_COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
        s.setString(1, e.name());
        s.setString(2, e.namespace());
        s.setString(3, e.strategy().name());
        s.setString(4, e.cluster() == null ? "" : e.cluster());
        s.setString(5, e.repoUrl());
        s.setString(6, e.provider().name());
        s.setString(7, e.owner());
        s.setString(8, e.repoName());
        s.setString(9, e.apiUrl());
        s.setString(10, e.tokenSecret());
        s.setString(11, e.branch());
        s.setLong(12, (e.created() == null ? clock.instant() : e.created()).toEpochMilli());
        return s.executeUpdate() == 1;
      }
    });
  }

  @Override
  public Optional<Environment> environment(String name) {
    return db.read("read environment " + name, c -> {
      try (PreparedStatement s =
          c.prepareStatement("SELECT " + ENV_COLUMNS + " FROM environments WHERE name = ?")) {
        s.setString(1, name);
        try (ResultSet rs = s.executeQuery()) {
          return rs.next() ? Optional.of(environment(rs)) : Optional.<Environment>empty();
        }
      }
    });
  }

  @Override
  public List<Environment> environments() {
    return db.read("list environments", c -> {
      List<Environment> out = new ArrayList<>();
      try (PreparedStatement s =
              c.prepareStatement("SELECT " + ENV_COLUMNS + " FROM environments ORDER BY name");
          ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(environment(rs));
        }
      }
      return out;
    });
  }

  @Override
  public void recordDeployment(Deployment d) {
    db.write("record deployment of " + d.app(), c -> {
      try (PreparedStatement s = c.prepareStatement(
          "INSERT OR REPLACE INTO deployments (app, environment, version, commit_sha, applied)"
              + " VALUES (?,?,?,?,?)")) {
        s.setString(1, d.app());
        s.setString(2, d.environment());
        s.setString(3, d.version());
        s.setString(4, d.commitSha());
        s.setLong(5, (d.applied() == null ? clock.instant() : d.applied()).toEpochMilli());
        return s.executeUpdate();
      }
    });
  }

  @Override
  public void removeDeployment(String app, String environment) {
    db.write("remove deployment of " + app, c -> {
      try (PreparedStatement s =
          c.prepareStatement("DELETE FROM deployments WHERE app = ? AND environment = ?")) {
        s.setString(1, app);
        s.setString(2, environment);
        return s.executeUpdate();
      }
    });
  }

  @Override
  public List<Deployment> deployments() {
    return db.read("list deployments", c -> {
      List<Deployment> out = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement("SELECT app, environment, version, commit_sha,"
              + " applied FROM deployments ORDER BY app, environment");
          ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(new Deployment(rs.getString(1), rs.getString(2), rs.getString(3),
              rs.getString(4), Instant.ofEpochMilli(rs.getLong(5))));
        }
      }
      return out;
    });
  }

  @Override
  public void approve(String environment, String app, String version, String approver) {
    db.write("approve promotion of " + app, c -> {
      try (PreparedStatement s = c.prepareStatement("INSERT OR IGNORE INTO promotion_approvals"
          + " (environment, app, version, approver, at) VALUES (?,?,?,?,?)")) {
        s.setString(1, environment);
        s.setString(2, app);
        s.setString(3, version);
        s.setString(4, approver);
        s.setLong(5, clock.millis());
        return s.executeUpdate();
      }
    });
  }

  @Override
  public Optional<String> approver(String environment, String app, String version) {
    return db.read("read approval of " + app, c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT approver FROM promotion_approvals"
          + " WHERE environment = ? AND app = ? AND version = ?")) {
        s.setString(1, environment);
        s.setString(2, app);
        s.setString(3, version);
        try (ResultSet rs = s.executeQuery()) {
          return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
        }
      }
    });
  }

  @Override
  public void close() {
    db.close();
  }

  private static Environment environment(ResultSet rs) throws SQLException {
    return new Environment(rs.getString(1), rs.getString(2),
        PromotionStrategy.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
        ProviderKind.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8), rs.getString(9),
        rs.getString(10), rs.getString(11), Instant.ofEpochMilli(rs.getLong(12)));
  }
}
