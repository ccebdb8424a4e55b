package io.jxengine.scm.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jxengine.scm.CommentInfo;
import io.jxengine.scm.CommitStatus;
import io.jxengine.scm.GitProvider;
import io.jxengine.scm.GitProviderException;
import io.jxengine.scm.ProviderKind;
import io.jxengine.scm.PullRequestInfo;
import io.jxengine.scm.RepoRef;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link GitProvider} for Gitea (and Forgejo), on its REST API {@code /api/v1} with the JDK's HTTP
 * client: Gitea has no Java client library that is kept up to date, and the engine needs eight
 * calls.
 *
 * <p>Every path segment taken from a repository or user name is URL-encoded, so a name never
 * changes which endpoint is called. Errors are {@link GitProviderException}s with the status (0
 * when nothing answered) and never the token. Thread-safe: {@link HttpClient} is.
 */
public final class GiteaProvider implements GitProvider {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int PAGE_SIZE = 50;
  /** Gitea keeps status descriptions in a 255-character column. */
  static final int DESCRIPTION_MAX = 255;

  private final String api;
  private final String token;
  private final ProviderTimeouts timeouts;
  private final HttpClient http;

  /**
   * @param baseUrl the server root ({@code https://gitea.example.com}) or its API root ({@code
   *     .../api/v1}, as {@code jxe import} records it)
   * @param token an access token; never logged
   */
  public GiteaProvider(String baseUrl, String token, ProviderTimeouts timeouts) {
    Objects.requireNonNull(baseUrl, "baseUrl");
    String root = baseUrl.replaceAll("/+$", "");
    this.api = root.endsWith("/api/v1") ? root : root + "/api/v1";
    this.token = token;
    this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
    this.http = HttpClient.newBuilder().connectTimeout(timeouts.connect()).build();
  }

  @Override
  public ProviderKind kind() {
    return ProviderKind.GITEA;
  }

  @Override
  public void setCommitStatus(RepoRef repo, String sha, CommitStatus status) {
    ObjectNode body = JSON.createObjectNode();
    body.put("state", state(status.state()));
    body.put("context", status.context());
    body.put("description", StatusMapping.truncate(status.description(), DESCRIPTION_MAX));
    if (status.targetUrl() != null) {
      body.put("target_url", status.targetUrl());
    }
    send("setCommitStatus", repo, "POST", repoPath(repo) + "/statuses/" + seg(sha), body);
  }

  @Override
  public CommentInfo upsertComment(RepoRef repo, int number, String marker, String body) {
    String marked = CommentMarker.mark(body, marker);
    ObjectNode text = JSON.createObjectNode().put("body", marked);
    for (int page = 1; ; page++) {
      JsonNode comments =
          send("upsertComment", repo, "GET",
              repoPath(repo) + "/issues/" + number + "/comments?limit=" + PAGE_SIZE + "&page=" + page,
              null);
      for (JsonNode comment : comments) {
        if (CommentMarker.isMarked(comment.path("body").asText(null), marker)) {
          JsonNode updated =
              send("upsertComment", repo, "PATCH",
                  repoPath(repo) + "/issues/comments/" + comment.path("id").asLong(), text);
          return comment(updated);
        }
      }
      if (comments.size() < PAGE_SIZE) {
        break;
      }
    }
    return comment(
        send("upsertComment", repo, "POST", repoPath(repo) + "/issues/" + number + "/comments", text));
  }

  @Override
  public PullRequestInfo openPullRequest(
      RepoRef repo, String head, String base, String title, String body) {
    ObjectNode request = JSON.createObjectNode();
    request.put("head", head).put("base", base).put("title", title).put("body", body);
    return pull(send("openPullRequest", repo, "POST", repoPath(repo) + "/pulls", request));
  }

  @Override
  public Optional<PullRequestInfo> findOpenPullRequest(RepoRef repo, String head, String base) {
    for (int page = 1; ; page++) {
      JsonNode pulls =
          send("findOpenPullRequest", repo, "GET",
              repoPath(repo) + "/pulls?state=open&limit=" + PAGE_SIZE + "&page=" + page, null);
      for (JsonNode pr : pulls) {
        if (head.equals(pr.path("head").path("ref").asText())
            && base.equals(pr.path("base").path("ref").asText())) {
          return Optional.of(pull(pr));
        }
      }
      if (pulls.size() < PAGE_SIZE) {
        return Optional.empty();
      }
    }
  }

  @Override
  public PullRequestInfo getPullRequest(RepoRef repo, int number) {
    return pull(send("getPullRequest", repo, "GET", repoPath(repo) + "/pulls/" + number, null));
  }

  /**
   * Merges with {@code head_commit_id}, so Gitea refuses (409) when the head moved since the
   * engine decided to merge.
   */
  @Override
  public PullRequestInfo merge(
      RepoRef repo, int number, String expectedHeadSha, String commitTitle) {
    ObjectNode request = JSON.createObjectNode();
    request.put("Do", "merge").put("MergeTitleField", commitTitle);
    request.put("head_commit_id", expectedHeadSha);
    send("merge", repo, "POST", repoPath(repo) + "/pulls/" + number + "/merge", request);
    return getPullRequest(repo, number);
  }

  @Override
  public boolean hasWriteAccess(RepoRef repo, String user) {
    try {
      JsonNode permission =
          send("hasWriteAccess", repo, "GET",
              repoPath(repo) + "/collaborators/" + seg(user) + "/permission", null);
      String level = permission.path("permission").asText("");
      return level.equals("write") || level.equals("admin") || level.equals("owner");
    } catch (GitProviderException e) {
      if (e.status() == 404 || e.status() == 403) {
        // Gitea answers 404 for a user who is no collaborator, 403 when it may not say.
        return false;
      }
      throw e;
    }
  }

  @Override
  public boolean isOrgMember(String org, String user) {
    HttpResponse<String> response =
        exchange("isOrgMember", "organisation " + org, "GET",
            "/orgs/" + seg(org) + "/members/" + seg(user), null);
    if (response.statusCode() == 204) {
      return true;
    }
    if (response.statusCode() == 404) {
      return false;
    }
    throw failure("isOrgMember", "organisation " + org, response.statusCode(), response.body(), null);
  }

  static String state(CommitStatus.State state) {
    return switch (state) {
      case PENDING -> "pending";
      case SUCCESS -> "success";
      case FAILURE -> "failure";
      case ERROR -> "error";
    };
  }

  private JsonNode send(String operation, RepoRef repo, String method, String path, JsonNode body) {
    String target = repo.fullName();
    HttpResponse<String> response = exchange(operation, target, method, path, body);
    if (response.statusCode() / 100 != 2) {
      throw failure(operation, target, response.statusCode(), response.body(), null);
    }
    String text = response.body();
    try {
      return text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
    } catch (IOException e) {
      throw failure(operation, target, response.statusCode(), "unreadable JSON answer", e);
    }
  }

  private HttpResponse<String> exchange(
      String operation, String target, String method, String path, JsonNode body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(api + path))
            .timeout(timeouts.read())
            .header("Accept", "application/json");
    if (token != null && !token.isEmpty()) {
      request.header("Authorization", "token " + token);
    }
    if (body != null) {
      request.header("Content-Type", "application/json");
      request.method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw failure(operation, target, 0, null, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure(operation, target, 0, "interrupted", e);
    }
  }

  private GitProviderException failure(
      String operation, String target, int status, String detail, Exception cause) {
    Exception carrier = cause != null ? cause : new IOException(detail == null ? "" : detail);
    return ProviderErrors.build("Gitea", operation, target, status, carrier, token);
  }

  private static String repoPath(RepoRef repo) {
    return "/repos/" + seg(repo.owner()) + "/" + seg(repo.name());
  }

  /** One URL path segment: slashes and dots-only names cannot change the endpoint. */
  private static String seg(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static CommentInfo comment(JsonNode c) {
    return new CommentInfo(c.path("id").asLong(), c.path("body").asText(null),
        c.path("html_url").asText(null));
  }

  private static PullRequestInfo pull(JsonNode pr) {
    JsonNode mergeable = pr.get("mergeable");
    return new PullRequestInfo(
        pr.path("number").asInt(),
        pr.path("state").asText(null),
        pr.path("merged").asBoolean(false),
        pr.path("title").asText(null),
        pr.path("head").path("ref").asText(null),
        pr.path("head").path("sha").asText(null),
        pr.path("base").path("ref").asText(null),
        pr.path("html_url").asText(null),
        mergeable == null || mergeable.isNull() ? null : mergeable.asBoolean(),
        pr.path("merge_commit_sha").asText(null));
  }
}
