package io.jxengine.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.jxengine.scm.ProviderKind;
import io.jxengine.server.repos.Repository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server keeps registered repositories in memory; a change committed to the store file by
 * another connection or process while it runs (a new secret, a removal) decides the very next
 * delivery: the old secret stops verifying (401, nothing stored), a removed repository is 404.
 */
class WebhookRepositoryChangeIT {
  @TempDir Path tmp;

  private static final byte[] PING = ("{\"zen\":\"Keep it simple.\",\"hook_id\":7,"
      + "\"repository\":{\"full_name\":\"acme/api\",\"name\":\"api\","
      + "\"clone_url\":\"https://github.com/acme/api.git\",\"owner\":{\"login\":\"acme\"}}}")
      .getBytes(StandardCharsets.UTF_8);

  @Test
  void aSecretChangedOrARepositoryRemovedElsewhereDecidesTheNextDelivery() throws Exception {
    try (WebhookServer server = WebhookServer.start(tmp.resolve("home"))) {
      Repository repo = server.repositories.save(new Repository(0, ProviderKind.GITHUB, "acme",
          "api", "https://github.com/acme/api.git", null, null, "old-secret", "main", List.of(),
          null, null, null));
      assertThat(server.postGitHub("ping", "p-1", PING, "old-secret").statusCode())
          .isEqualTo(202);

      sql(server, "UPDATE repositories SET webhook_secret = 'new-secret' WHERE id = " + repo.id());
      assertThat(server.postGitHub("ping", "p-2", PING, "old-secret").statusCode())
          .isEqualTo(401);
      assertThat(deliveries(server, "p-2")).isZero();
      assertThat(server.postGitHub("ping", "p-3", PING, "new-secret").statusCode())
          .isEqualTo(202);
      assertThat(deliveries(server, "p-3")).isOne();

      sql(server, "DELETE FROM repositories WHERE id = " + repo.id());
      assertThat(server.postGitHub("ping", "p-4", PING, "new-secret").statusCode())
          .isEqualTo(404);
      assertThat(deliveries(server, "p-4")).isZero();
    }
  }

  private static void sql(WebhookServer server, String statement) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + server.home.database());
        Statement s = c.createStatement()) {
      s.execute("PRAGMA busy_timeout = 10000");
      s.execute(statement);
    }
  }

  private static long deliveries(WebhookServer server, String id) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + server.home.database());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(
            "SELECT COUNT(*) FROM deliveries WHERE delivery_id = '" + id + "'")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
