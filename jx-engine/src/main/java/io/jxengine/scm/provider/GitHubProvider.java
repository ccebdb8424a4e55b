package io.jxengine.scm.provider;

import io.jxengine.scm.CommentInfo;
import io.jxengine.scm.CommitStatus;
import io.jxengine.scm.GitProvider;
import io.jxengine.scm.GitProviderException;
import io.jxengine.scm.ProviderKind;
import io.jxengine.scm.PullRequestComment;
import io.jxengine.scm.PullRequestInfo;
import io.jxengine.scm.RepoRef;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.kohsuke.github.GHCheckRun;
import org.kohsuke.github.GHCommitState;
import org.kohsuke.github.GHCommitStatus;
import org.kohsuke.github.GHException;
import org.kohsuke.github.GHIssue;
import org.kohsuke.github.GHIssueComment;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHMembership;
import org.kohsuke.github.GHOrganization;
import org.kohsuke.github.GHPermissionType;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHRelease;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.GitHubRateLimitHandler;

/**
 * {@link GitProvider} for GitHub and GitHub Enterprise, on hub4j's {@code github-api} client.
 *
 * <p>Each call first reads the repository ({@code GET /repos/{owner}/{name}}), because hub4j's
 * typed API hangs everything off that object; a missing repository is therefore a 404 naming the
 * repository. Rate-limit and abuse-limit answers fail at once instead of sleeping inside hub4j, so
 * the engine decides when to try again. Thread-safe: hub4j's {@link GitHub} is.
 */
public final class GitHubProvider implements GitProvider {
  private static final int PAGE_SIZE = 100;

  private final GitHub github;
  private final String token;

  /**
   * @param apiUrl the REST API root: {@code https://api.github.com}, {@code
   *     https://ghe.example.com/api/v3}, or a local stand-in
   * @param token a personal access token or app installation token; never logged
   */
  public GitHubProvider(String apiUrl, String token) {
    this(apiUrl, token, ProviderTimeouts.DEFAULT);
  }

  public GitHubProvider(String apiUrl, String token, ProviderTimeouts timeouts) {
    Objects.requireNonNull(apiUrl, "apiUrl");
    Objects.requireNonNull(timeouts, "timeouts");
    this.token = token;
    GitHubBuilder builder =
        new GitHubBuilder()
            .withEndpoint(apiUrl)
            .withConnector(new TimeoutGitHubConnector(timeouts))
            .withRateLimitHandler(GitHubRateLimitHandler.FAIL)
            .withAbuseLimitHandler(GitHubAbuseLimitHandler.FAIL);
    if (token != null && !token.isEmpty()) {
      // A plain provider, not withOAuthToken: hub4j would otherwise ask GET /user for the
      // token's login on every construction, which the engine never needs.
      String header = "token " + token;
      builder = builder.withAuthorizationProvider(() -> header);
    }
    try {
      this.github = builder.build();
    } catch (IOException e) {
      throw ProviderErrors.gitHub("connect", apiUrl, e, token);
    }
  }

  @Override
  public ProviderKind kind() {
    return ProviderKind.GITHUB;
  }

  @Override
  public void setCommitStatus(RepoRef repo, String sha, CommitStatus status) {
    GHCommitState state =
        GHCommitState.valueOf(StatusMapping.gitHubState(status.state()).toUpperCase(Locale.ROOT));
    String description = StatusMapping.gitHubDescription(status.description());
    call(
        "setCommitStatus",
        repo,
        () ->
            repository(repo)
                .createCommitStatus(sha, state, status.targetUrl(), description, status.context()));
  }

  @Override
  public CommentInfo upsertComment(RepoRef repo, int number, String marker, String body) {
    String marked = CommentMarker.mark(body, marker);
    return call(
        "upsertComment",
        repo,
        () -> {
          GHIssue issue = repository(repo).getIssue(number);
          for (GHIssueComment comment : issue.listComments().withPageSize(PAGE_SIZE)) {
            if (CommentMarker.isMarked(comment.getBody(), marker)) {
              comment.update(marked);
              return new CommentInfo(comment.getId(), marked, text(comment.getHtmlUrl()));
            }
          }
          GHIssueComment created = issue.comment(marked);
          return new CommentInfo(created.getId(), created.getBody(), text(created.getHtmlUrl()));
        });
  }

  @Override
  public PullRequestInfo openPullRequest(
      RepoRef repo, String head, String base, String title, String body) {
    return call(
        "openPullRequest",
        repo,
        () -> info(repository(repo).createPullRequest(title, head, base, body)));
  }

  @Override
  public Optional<PullRequestInfo> findOpenPullRequest(RepoRef repo, String head, String base) {
    return call(
        "findOpenPullRequest",
        repo,
        () -> {
          // GitHub filters head by "owner:branch"; hub4j adds this repository's owner unless
          // head already names one (a fork's "user:branch").
          for (GHPullRequest pr :
              repository(repo)
                  .queryPullRequests()
                  .state(GHIssueState.OPEN)
                  .head(head)
                  .base(base)
                  .list()
                  .withPageSize(PAGE_SIZE)) {
            return Optional.of(info(pr));
          }
          return Optional.empty();
        });
  }

  @Override
  public PullRequestInfo getPullRequest(RepoRef repo, int number) {
    return call("getPullRequest", repo, () -> info(repository(repo).getPullRequest(number)));
  }

  /**
   * Merges with GitHub's merge endpoint, passing {@code sha} so GitHub refuses (409) when the head
   * moved. hub4j's typed merge sends the title as {@code commit_message}: GitHub then keeps its own
   * first line and puts {@code commitTitle} in the commit body.
   */
  @Override
  public PullRequestInfo merge(
      RepoRef repo, int number, String expectedHeadSha, String commitTitle) {
    return call(
        "merge",
        repo,
        () -> {
          GHPullRequest pr = repository(repo).getPullRequest(number);
          pr.merge(commitTitle, expectedHeadSha, GHPullRequest.MergeMethod.MERGE);
          pr.refresh();
          return info(pr);
        });
  }

  /**
   * GitHub's collaborator permission is admin, write, read or none; the maintain role reports write
   * and triage reports read, so admin or write means "may push".
   */
  @Override
  public boolean hasWriteAccess(RepoRef repo, String user) {
    return call(
        "hasWriteAccess",
        repo,
        () -> {
          GHRepository repository = repository(repo);
          try {
            GHPermissionType permission = repository.getPermission(user);
            return permission == GHPermissionType.ADMIN || permission == GHPermissionType.WRITE;
          } catch (FileNotFoundException unknownUser) {
            // The repository answered above, so this 404 means GitHub has no such user.
            return false;
          }
        });
  }

  /**
   * Asks for the user's organisation membership; only an active membership counts (an invitation
   * the user has not accepted does not). The token's owner must be an organisation member.
   */
  @Override
  public boolean isOrgMember(String org, String user) {
    return callOn(
        "isOrgMember",
        "organisation " + org,
        () -> {
          GHOrganization organisation = github.getOrganization(org);
          try {
            return organisation.getMembership(user).getState() == GHMembership.State.ACTIVE;
          } catch (FileNotFoundException notMember) {
            // The organisation answered above, so this 404 means "not a member".
            return false;
          }
        });
  }

  /** Lists {@code GET /repos/{o}/{r}/commits/{sha}/statuses} (newest first) and keeps the newest per context. */
  @Override
  public List<CommitStatus> commitStatuses(RepoRef repo, String sha) {
    return call("commitStatuses", repo, () -> {
      Map<String, CommitStatus> newest = new LinkedHashMap<>();
      for (GHCommitStatus s : repository(repo).listCommitStatuses(sha).withPageSize(PAGE_SIZE)) {
        newest.putIfAbsent(s.getContext(), new CommitStatus(
            StatusMapping.fromProvider(s.getState().name()), s.getContext(), s.getDescription(),
            s.getTargetUrl()));
      }
      return List.copyOf(newest.values());
    });
  }

  /**
   * Lists {@code GET /repos/{o}/{r}/commits/{sha}/check-runs} (GitHub's default {@code
   * filter=latest}: one run per name) and keeps the first of each name.
   */
  @Override
  public List<CommitStatus> checkRuns(RepoRef repo, String sha) {
    return call("checkRuns", repo, () -> {
      Map<String, CommitStatus> newest = new LinkedHashMap<>();
      for (GHCheckRun run : repository(repo).getCheckRuns(sha).withPageSize(PAGE_SIZE)) {
        String summary = run.getOutput() == null ? null : run.getOutput().getTitle();
        newest.putIfAbsent(run.getName(), new CommitStatus(
            StatusMapping.fromCheckRun(run.getStatus().name(),
                run.getConclusion() == null ? null : run.getConclusion().name()),
            run.getName(), summary, text(run.getDetailsUrl())));
      }
      return List.copyOf(newest.values());
    });
  }

  @Override
  public List<PullRequestComment> pullRequestComments(RepoRef repo, int number) {
    return call("pullRequestComments", repo, () -> {
      List<PullRequestComment> out = new ArrayList<>();
      for (GHIssueComment c : repository(repo).getIssue(number).listComments().withPageSize(PAGE_SIZE)) {
        out.add(new PullRequestComment(c.getId(), c.getUser() == null ? "" : c.getUser().getLogin(), c.getBody()));
      }
      return out;
    });
  }

  /** {@code POST /orgs/{owner}/repos}, or {@code POST /user/repos} when the owner is a user. */
  @Override
  public String createRepository(RepoRef repo, boolean privateRepository) {
    return call("createRepository", repo, () -> {
      org.kohsuke.github.GHCreateRepositoryBuilder builder =
          "Organization".equals(github.getUser(repo.owner()).getType())
              ? github.getOrganization(repo.owner()).createRepository(repo.name())
              : github.createRepository(repo.name());
      builder.private_(privateRepository);
      GHRepository created = builder.create();
      return created.getHttpTransportUrl();
    });
  }

  /** {@code GET /repos/{o}/{r}/releases/tags/{tag}}, then a PATCH of it or a POST of a new one. */
  @Override
  public String upsertRelease(RepoRef repo, String tag, String name, String notes) {
    return call(
        "upsertRelease",
        repo,
        () -> {
          GHRepository repository = repository(repo);
          GHRelease existing = repository.getReleaseByTagName(tag);
          if (existing != null) {
            return text(existing.update().name(name).body(notes).update().getHtmlUrl());
          }
          return text(repository.createRelease(tag).name(name).body(notes).create().getHtmlUrl());
        });
  }

  private GHRepository repository(RepoRef repo) throws IOException {
    return github.getRepository(repo.fullName());
  }

  private static PullRequestInfo info(GHPullRequest pr) throws IOException {
    return new PullRequestInfo(
        pr.getNumber(),
        pr.getState() == GHIssueState.OPEN ? "open" : "closed",
        pr.isMerged(),
        pr.getTitle(),
        pr.getHead().getRef(),
        pr.getHead().getSha(),
        pr.getBase().getRef(),
        text(pr.getHtmlUrl()),
        pr.getMergeable(),
        pr.getMergeCommitSha());
  }

  private static String text(URL url) {
    return url == null ? null : url.toString();
  }

  private <T> T call(String operation, RepoRef repo, GitHubCall<T> body) {
    return callOn(operation, "repository " + repo.fullName(), body);
  }

  private <T> T callOn(String operation, String target, GitHubCall<T> body) {
    try {
      return body.run();
    } catch (IOException e) {
      throw ProviderErrors.gitHub(operation, target, e, token);
    } catch (GHException e) {
      // Paged iteration wraps the IOException of a later page in an unchecked GHException.
      Exception cause = e.getCause() instanceof IOException io ? io : e;
      throw ProviderErrors.gitHub(operation, target, cause, token);
    } catch (GitProviderException e) {
      throw e;
    } catch (RuntimeException e) {
      throw ProviderErrors.gitHub(operation, target, e, token);
    }
  }

  @FunctionalInterface
  private interface GitHubCall<T> {
    T run() throws IOException;
  }
}
