package io.jxengine.scm.provider;

import io.jxengine.scm.CommentInfo;
import io.jxengine.scm.CommitStatus;
import io.jxengine.scm.GitProvider;
import io.jxengine.scm.GitProviderException;
import io.jxengine.scm.ProviderKind;
import io.jxengine.scm.PullRequestComment;
import io.jxengine.scm.PullRequestInfo;
import io.jxengine.scm.RepoRef;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;

/**
 * An in-memory git provider for tests of code that talks to providers. It records what the engine
 * wrote (statuses, comments, pull requests), lets a test arrange the world (write access,
 * organisation members, pull-request heads, closing) and inject failures with an HTTP status.
 *
 * <p>It answers like GitHub: opening a second pull request for the same head and base is 422,
 * merging a moved head is 409, merging a closed or unmergeable pull request is 405, an unknown pull
 * request is 404. Comments may be written on any number without creating a pull request first.
 * Thread-safe: every method locks the instance.
 */
public final class FakeGitProvider implements GitProvider {
  /** The calls a test can make fail. */
  public enum Operation {
    SET_COMMIT_STATUS,
    UPSERT_COMMENT,
    OPEN_PULL_REQUEST,
    FIND_OPEN_PULL_REQUEST,
    GET_PULL_REQUEST,
    MERGE,
    HAS_WRITE_ACCESS,
    IS_ORG_MEMBER,
    COMMIT_STATUSES,
    COMMENTS,
    CREATE_REPOSITORY,
    UPSERT_RELEASE
  }

  /** A release as the fake keeps it. */
  public record RecordedRelease(String tag, String name, String notes, String htmlUrl) {}

  /** One call of {@link #setCommitStatus}, in call order. */
  public record RecordedStatus(RepoRef repo, String sha, CommitStatus status) {}

  private final ProviderKind kind;
  private final List<RecordedStatus> statuses = new ArrayList<>();
  private final Map<String, List<CommentInfo>> comments = new HashMap<>();
  private final Map<String, Map<Integer, PullRequestInfo>> pulls = new HashMap<>();
  private final Set<String> writers = new HashSet<>();
  private final Set<String> orgMembers = new HashSet<>();
  private final Map<Operation, Queue<Integer>> nextFailures = new EnumMap<>(Operation.class);
  private final Map<Operation, Integer> permanentFailures = new EnumMap<>(Operation.class);
  private final Map<String, List<PullRequestComment>> userComments = new HashMap<>();
  private final Set<String> created = new HashSet<>();
  private final Map<String, String> cloneUrls = new HashMap<>();
  private final Map<String, Map<String, RecordedRelease>> releases = new HashMap<>();
  private long nextCommentId = 1;

  public FakeGitProvider() {
    this(ProviderKind.GITHUB);
  }

  public FakeGitProvider(ProviderKind kind) {
    this.kind = kind;
  }

  @Override
  public ProviderKind kind() {
    return kind;
  }

  // ---- arranging the world -------------------------------------------------------------

  public synchronized void grantWriteAccess(RepoRef repo, String user) {
    writers.add(repo.fullName() + "#" + user);
  }

  public synchronized void revokeWriteAccess(RepoRef repo, String user) {
    writers.remove(repo.fullName() + "#" + user);
  }

  public synchronized void addOrgMember(String org, String user) {
    orgMembers.add(org + "#" + user);
  }

  public synchronized void removeOrgMember(String org, String user) {
    orgMembers.remove(org + "#" + user);
  }

  /** Someone pushed to the pull request: its head is now {@code sha}. */
  public synchronized void pushHead(RepoRef repo, int number, String sha) {
    PullRequestInfo pr = existing(Operation.GET_PULL_REQUEST, repo, number);
    put(repo, copy(pr, pr.state(), pr.merged(), sha, pr.mergeable(), pr.mergeSha()));
  }

  /** What the provider says about mergeability: null while "computing". */
  public synchronized void setMergeable(RepoRef repo, int number, Boolean mergeable) {
    PullRequestInfo pr = existing(Operation.GET_PULL_REQUEST, repo, number);
    put(repo, copy(pr, pr.state(), pr.merged(), pr.headSha(), mergeable, pr.mergeSha()));
  }

  /** Closes the pull request without merging, as a user would. */
  public synchronized void closePullRequest(RepoRef repo, int number) {
    PullRequestInfo pr = existing(Operation.GET_PULL_REQUEST, repo, number);
    put(repo, copy(pr, "closed", false, pr.headSha(), pr.mergeable(), null));
  }

  /** The next {@code operation} fails with {@code status} (queued: call again to fail twice). */
  public synchronized void failNext(Operation operation, int status) {
    nextFailures.computeIfAbsent(operation, o -> new ArrayDeque<>()).add(status);
  }

  /** Every {@code operation} fails with {@code status} until {@link #clearFailures}. */
  public synchronized void failAlways(Operation operation, int status) {
    permanentFailures.put(operation, status);
  }

  public synchronized void clearFailures() {
    nextFailures.clear();
    permanentFailures.clear();
  }

  /** A person comments on a pull request (read back by {@link #pullRequestComments}). */
  public synchronized void addUserComment(RepoRef repo, int number, String author, String body) {
    userComments.computeIfAbsent(key(repo, number), k -> new ArrayList<>())
        .add(new PullRequestComment(nextCommentId++, author, body));
  }

  // ---- what the engine wrote ------------------------------------------------------------

  /** Every status set, in call order. */
  public synchronized List<RecordedStatus> statuses() {
    return List.copyOf(statuses);
  }

  /** The status a provider would now show for {@code sha} and {@code context}. */
  public synchronized Optional<CommitStatus> latestStatus(
      RepoRef repo, String sha, String context) {
    CommitStatus latest = null;
    for (RecordedStatus s : statuses) {
      if (s.repo().equals(repo) && s.sha().equals(sha) && s.status().context().equals(context)) {
        latest = s.status();
      }
    }
    return Optional.ofNullable(latest);
  }

  /** The comments on a pull request, oldest first. */
  public synchronized List<CommentInfo> comments(RepoRef repo, int number) {
    return List.copyOf(comments.getOrDefault(key(repo, number), List.of()));
  }

  /** All pull requests of {@code repo}, by number. */
  public synchronized List<PullRequestInfo> pullRequests(RepoRef repo) {
    return List.copyOf(pulls.getOrDefault(repo.fullName(), Map.of()).values());
  }

  /** The releases of {@code repo}, by tag, in creation order. */
  public synchronized List<RecordedRelease> releases(RepoRef repo) {
    return List.copyOf(releases.getOrDefault(repo.fullName(), Map.of()).values());
  }

  // ---- GitProvider ---------------------------------------------------------------------

  @Override
  public synchronized void setCommitStatus(RepoRef repo, String sha, CommitStatus status) {
    maybeFail(Operation.SET_COMMIT_STATUS, repo.fullName());
    statuses.add(new RecordedStatus(repo, sha, status));
  }

  @Override
  public synchronized CommentInfo upsertComment(
      RepoRef repo, int number, String marker, String body) {
    maybeFail(Operation.UPSERT_COMMENT, repo.fullName());
    String marked = CommentMarker.mark(body, marker);
    List<CommentInfo> list = comments.computeIfAbsent(key(repo, number), k -> new ArrayList<>());
    for (int i = 0; i < list.size(); i++) {
      CommentInfo existing = list.get(i);
      if (CommentMarker.isMarked(existing.body(), marker)) {
        CommentInfo updated = new CommentInfo(existing.id(), marked, existing.htmlUrl());
        list.set(i, updated);
        return updated;
      }
    }
    long id = nextCommentId++;
    CommentInfo created = new CommentInfo(id, marked, pullUrl(repo, number) + "#comment-" + id);
    list.add(created);
    return created;
  }

  /** Opens a pull request; its head SHA is {@code fake-<head>} until {@link #pushHead}. */
  @Override
  public synchronized PullRequestInfo openPullRequest(
      RepoRef repo, String head, String base, String title, String body) {
    maybeFail(Operation.OPEN_PULL_REQUEST, repo.fullName());
    if (findOpen(repo, head, base).isPresent()) {
      throw failure(Operation.OPEN_PULL_REQUEST, repo.fullName(), 422, "already exists");
    }
    int number = pulls.getOrDefault(repo.fullName(), Map.of()).size() + 1;
    PullRequestInfo pr =
        new PullRequestInfo(
            number,
            "open",
            false,
            title,
            head,
            "fake-" + head,
            base,
            pullUrl(repo, number),
            true,
            null);
    put(repo, pr);
    return pr;
  }

  @Override
  public synchronized Optional<PullRequestInfo> findOpenPullRequest(
      RepoRef repo, String head, String base) {
    maybeFail(Operation.FIND_OPEN_PULL_REQUEST, repo.fullName());
    return findOpen(repo, head, base);
  }

  @Override
  public synchronized PullRequestInfo getPullRequest(RepoRef repo, int number) {
    maybeFail(Operation.GET_PULL_REQUEST, repo.fullName());
    return existing(Operation.GET_PULL_REQUEST, repo, number);
  }

  @Override
  public synchronized PullRequestInfo merge(
      RepoRef repo, int number, String expectedHeadSha, String commitTitle) {
    maybeFail(Operation.MERGE, repo.fullName());
    PullRequestInfo pr = existing(Operation.MERGE, repo, number);
    if (!"open".equals(pr.state()) || Boolean.FALSE.equals(pr.mergeable())) {
      throw failure(Operation.MERGE, repo.fullName(), 405, "not mergeable");
    }
    if (!pr.headSha().equals(expectedHeadSha)) {
      throw failure(Operation.MERGE, repo.fullName(), 409, "head moved");
    }
    PullRequestInfo merged =
        copy(pr, "closed", true, pr.headSha(), pr.mergeable(), "merge-" + number);
    put(repo, merged);
    return merged;
  }

  /** The newest status of each context set on {@code sha}, by anyone (engine or test). */
  @Override
  public synchronized List<CommitStatus> commitStatuses(RepoRef repo, String sha) {
    maybeFail(Operation.COMMIT_STATUSES, repo.fullName());
    Map<String, CommitStatus> newest = new LinkedHashMap<>();
    for (RecordedStatus s : statuses) {
      if (s.repo().equals(repo) && s.sha().equals(sha)) {
        newest.put(s.status().context(), s.status());
      }
    }
    return List.copyOf(newest.values());
  }

  /** The comments people wrote ({@link #addUserComment}) with the engine's, by id. */
  @Override
  public synchronized List<PullRequestComment> pullRequestComments(RepoRef repo, int number) {
    maybeFail(Operation.COMMENTS, repo.fullName());
    List<PullRequestComment> out = new ArrayList<>(userComments.getOrDefault(key(repo, number), List.of()));
    for (CommentInfo c : comments.getOrDefault(key(repo, number), List.of())) {
      out.add(new PullRequestComment(c.id(), "jx-engine", c.body()));
    }
    out.sort(java.util.Comparator.comparingLong(PullRequestComment::id));
    return out;
  }

  /** Records the repository; its clone URL is {@link #cloneUrl} unless one was set there. */
  @Override
  public synchronized String createRepository(RepoRef repo, boolean privateRepository) {
    maybeFail(Operation.CREATE_REPOSITORY, repo.fullName());
    if (!created.add(repo.fullName())) {
      throw failure(Operation.CREATE_REPOSITORY, repo.fullName(), 422, "name already exists");
    }
    return cloneUrls.getOrDefault(repo.fullName(), "https://fake.example/" + repo.fullName() + ".git");
  }

  /** The clone URL {@link #createRepository} answers for {@code repo} (a local bare repository in tests). */
  public synchronized void cloneUrl(RepoRef repo, String url) {
    cloneUrls.put(repo.fullName(), url);
  }

  /** The repositories created so far ({@code owner/name}). */
  public synchronized Set<String> createdRepositories() {
    return Set.copyOf(created);
  }

  @Override
  public synchronized boolean hasWriteAccess(RepoRef repo, String user) {
    maybeFail(Operation.HAS_WRITE_ACCESS, repo.fullName());
    return writers.contains(repo.fullName() + "#" + user);
  }

  @Override
  public synchronized boolean isOrgMember(String org, String user) {
    maybeFail(Operation.IS_ORG_MEMBER, org);
    return orgMembers.contains(org + "#" + user);
  }

  @Override
  public synchronized String upsertRelease(RepoRef repo, String tag, String name, String notes) {
    maybeFail(Operation.UPSERT_RELEASE, repo.fullName());
    String url = "https://fake.example/" + repo.fullName() + "/releases/tag/" + tag;
    releases
        .computeIfAbsent(repo.fullName(), k -> new LinkedHashMap<>())
        .put(tag, new RecordedRelease(tag, name, notes, url));
    return url;
  }

  // ---- helpers -------------------------------------------------------------------------

  private Optional<PullRequestInfo> findOpen(RepoRef repo, String head, String base) {
    return pulls.getOrDefault(repo.fullName(), Map.of()).values().stream()
        .filter(pr -> pr.state().equals("open"))
        .filter(pr -> pr.headRef().equals(head) && pr.baseRef().equals(base))
        .findFirst();
  }

  private PullRequestInfo existing(Operation operation, RepoRef repo, int number) {
    PullRequestInfo pr = pulls.getOrDefault(repo.fullName(), Map.of()).get(number);
    if (pr == null) {
      throw failure(operation, repo.fullName(), 404, "no pull request #" + number);
    }
    return pr;
  }

  private void put(RepoRef repo, PullRequestInfo pr) {
    pulls.computeIfAbsent(repo.fullName(), k -> new LinkedHashMap<>()).put(pr.number(), pr);
  }

  private static PullRequestInfo copy(
      PullRequestInfo pr,
      String state,
      boolean merged,
      String headSha,
      Boolean mergeable,
      String mergeSha) {
    return new PullRequestInfo(
        pr.number(),
        state,
        merged,
        pr.title(),
        pr.headRef(),
        headSha,
        pr.baseRef(),
        pr.htmlUrl(),
        mergeable,
        mergeSha);
  }

  private void maybeFail(Operation operation, String target) {
    Queue<Integer> queued = nextFailures.get(operation);
    Integer status = queued == null ? null : queued.poll();
    if (status == null) {
      status = permanentFailures.get(operation);
    }
    if (status != null) {
      throw failure(operation, target, status, "injected failure");
    }
  }

  private static GitProviderException failure(
      Operation operation, String target, int status, String why) {
    return new GitProviderException(
        status,
        "fake " + operation + " for " + target + " failed: HTTP " + status + " (" + why + ")",
        null);
  }

  private static String key(RepoRef repo, int number) {
    return repo.fullName() + "#" + number;
  }

  private static String pullUrl(RepoRef repo, int number) {
    return "https://fake.example/" + repo.fullName() + "/pull/" + number;
  }
}
