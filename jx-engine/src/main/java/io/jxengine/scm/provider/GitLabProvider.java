package io.jxengine.scm.provider;

import io.jxengine.scm.CommentInfo;
import io.jxengine.scm.CommitStatus;
import io.jxengine.scm.GitProvider;
import io.jxengine.scm.GitProviderException;
import io.jxengine.scm.ProviderKind;
import io.jxengine.scm.PullRequestInfo;
import io.jxengine.scm.RepoRef;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.gitlab4j.api.GitLabApi;
import org.gitlab4j.api.GitLabApiException;
import org.gitlab4j.api.Pager;
import org.gitlab4j.api.models.AcceptMergeRequestParams;
import org.gitlab4j.api.models.MergeRequest;
import org.gitlab4j.api.models.MergeRequestFilter;
import org.gitlab4j.api.models.MergeRequestParams;
import org.gitlab4j.api.models.Note;
import org.gitlab4j.api.models.Release;
import org.gitlab4j.api.models.ReleaseParams;
import org.gitlab4j.api.models.User;
import org.gitlab4j.models.Constants.CommitBuildState;
import org.gitlab4j.models.Constants.MergeRequestState;

/**
 * {@link GitProvider} for GitLab (gitlab.com or self-managed, API v4), on {@code gitlab4j-api}.
 *
 * <p>Projects are addressed by their URL-encoded path ({@code group/sub/name}), so no lookup of the
 * numeric id is needed. Pull requests are merge requests and their number is the IID; comments are
 * merge request notes. The token is sent as {@code PRIVATE-TOKEN} (personal, project or group
 * access token). Thread-safe: the underlying JAX-RS client is.
 */
public final class GitLabProvider implements GitProvider {
  private static final int PAGE_SIZE = 100;

  private final GitLabApi api;
  private final String serverUrl;
  private final String token;

  /**
   * @param serverUrl the GitLab web root, such as {@code https://gitlab.com}; {@code /api/v4} is
   *     added by the client
   * @param token an access token with the {@code api} scope; never logged
   */
  public GitLabProvider(String serverUrl, String token) {
    this(serverUrl, token, ProviderTimeouts.DEFAULT);
  }

  public GitLabProvider(String serverUrl, String token, ProviderTimeouts timeouts) {
    this.serverUrl = Objects.requireNonNull(serverUrl, "serverUrl");
    this.token = token;
    this.api = new GitLabApi(serverUrl, token);
    api.setRequestTimeout(timeouts.connectMillis(), timeouts.readMillis());
  }

  @Override
  public ProviderKind kind() {
    return ProviderKind.GITLAB;
  }

  @Override
  public void setCommitStatus(RepoRef repo, String sha, CommitStatus status) {
    var gitLabStatus =
        new org.gitlab4j.api.models.CommitStatus()
            .withName(status.context())
            .withDescription(StatusMapping.gitLabDescription(status.state(), status.description()))
            .withTargetUrl(status.targetUrl());
    CommitBuildState state =
        CommitBuildState.valueOf(
            StatusMapping.gitLabState(status.state()).toUpperCase(Locale.ROOT));
    call(
        "setCommitStatus",
        repo,
        () -> api.getCommitsApi().addCommitStatus(repo.fullName(), sha, state, gitLabStatus));
  }

  @Override
  public CommentInfo upsertComment(RepoRef repo, int number, String marker, String body) {
    String marked = CommentMarker.mark(body, marker);
    String project = repo.fullName();
    long iid = number;
    return call(
        "upsertComment",
        repo,
        () -> {
          Note note = findMarkedNote(project, iid, marker);
          Note written =
              note == null
                  ? api.getNotesApi().createMergeRequestNote(project, iid, marked, null, null)
                  : api.getNotesApi().updateMergeRequestNote(project, iid, note.getId(), marked);
          long id = written.getId();
          return new CommentInfo(id, marked, GitLabMapping.noteUrl(serverUrl, project, number, id));
        });
  }

  @Override
  public List<CommitStatus> commitStatuses(RepoRef repo, String sha) {
    return call("commitStatuses", repo, () -> {
      java.util.Map<String, CommitStatus> newest = new java.util.LinkedHashMap<>();
      // GitLab lists a commit's statuses oldest first: a later one of a context replaces it.
      for (var s : api.getCommitsApi().getCommitStatuses(repo.fullName(), sha, null)) {
        newest.put(s.getName(), new CommitStatus(StatusMapping.fromProvider(String.valueOf(s.getStatus())),
            s.getName(), s.getDescription(), s.getTargetUrl()));
      }
      return List.copyOf(newest.values());
    });
  }

  @Override
  public List<io.jxengine.scm.PullRequestComment> pullRequestComments(RepoRef repo, int number) {
    return call("pullRequestComments", repo, () -> {
      List<io.jxengine.scm.PullRequestComment> out = new java.util.ArrayList<>();
      Pager<Note> pages = api.getNotesApi().getMergeRequestNotes(repo.fullName(), (long) number, PAGE_SIZE);
      while (pages.hasNext()) {
        for (Note note : pages.next()) {
          if (!Boolean.TRUE.equals(note.getSystem())) {
            out.add(new io.jxengine.scm.PullRequestComment(note.getId(),
                note.getAuthor() == null ? "" : note.getAuthor().getUsername(), note.getBody()));
          }
        }
      }
      out.sort(java.util.Comparator.comparingLong(io.jxengine.scm.PullRequestComment::id));
      return out;
    });
  }

  private Note findMarkedNote(String project, long iid, String marker) throws GitLabApiException {
    Pager<Note> pages = api.getNotesApi().getMergeRequestNotes(project, iid, PAGE_SIZE);
    while (pages.hasNext()) {
      for (Note note : pages.next()) {
        // System notes ("added 1 commit") are GitLab's own, never the engine's.
        if (!Boolean.TRUE.equals(note.getSystem())
            && CommentMarker.isMarked(note.getBody(), marker)) {
          return note;
        }
      }
    }
    return null;
  }

  @Override
  public PullRequestInfo openPullRequest(
      RepoRef repo, String head, String base, String title, String body) {
    MergeRequestParams params =
        new MergeRequestParams()
            .withSourceBranch(head)
            .withTargetBranch(base)
            .withTitle(title)
            .withDescription(body);
    return call(
        "openPullRequest",
        repo,
        () ->
            GitLabMapping.pullRequest(
                api.getMergeRequestApi().createMergeRequest(repo.fullName(), params)));
  }

  @Override
  public Optional<PullRequestInfo> findOpenPullRequest(RepoRef repo, String head, String base) {
    MergeRequestFilter filter =
        new MergeRequestFilter()
            .withState(MergeRequestState.OPENED)
            .withSourceBranch(head)
            .withTargetBranch(base);
    return call(
        "findOpenPullRequest",
        repo,
        () -> {
          List<MergeRequest> open =
              api.getMergeRequestApi()
                  .getMergeRequests(repo.fullName(), filter, PAGE_SIZE)
                  .current();
          return open.stream().findFirst().map(GitLabMapping::pullRequest);
        });
  }

  @Override
  public PullRequestInfo getPullRequest(RepoRef repo, int number) {
    return call(
        "getPullRequest",
        repo,
        () ->
            GitLabMapping.pullRequest(
                api.getMergeRequestApi().getMergeRequest(repo.fullName(), (long) number)));
  }

  /** Accepts the merge request with {@code sha}, so GitLab answers 409 when the head moved. */
  @Override
  public PullRequestInfo merge(
      RepoRef repo, int number, String expectedHeadSha, String commitTitle) {
    AcceptMergeRequestParams params =
        new AcceptMergeRequestParams().withSha(expectedHeadSha).withMergeCommitMessage(commitTitle);
    return call(
        "merge",
        repo,
        () ->
            GitLabMapping.pullRequest(
                api.getMergeRequestApi()
                    .acceptMergeRequest(repo.fullName(), (long) number, params)));
  }

  /** Developer or above on the project, counting access inherited from parent groups. */
  @Override
  public boolean hasWriteAccess(RepoRef repo, String user) {
    return call(
        "hasWriteAccess",
        repo,
        () -> {
          User found = api.getUserApi().getUser(user);
          if (found == null) {
            return false;
          }
          try {
            return GitLabMapping.canPush(
                api.getProjectApi()
                    .getMember(repo.fullName(), found.getId(), true)
                    .getAccessLevel());
          } catch (GitLabApiException e) {
            if (e.getHttpStatus() == 404) {
              return false; // the user exists (above) but is not a member
            }
            throw e;
          }
        });
  }

  /** Any access level in the group or its parents counts as membership. */
  @Override
  public boolean isOrgMember(String org, String user) {
    return callOn(
        "isOrgMember",
        "group " + org,
        () -> {
          User found = api.getUserApi().getUser(user);
          if (found == null) {
            return false;
          }
          try {
            api.getGroupApi().getMember(org, found.getId(), true);
            return true;
          } catch (GitLabApiException e) {
            if (e.getHttpStatus() == 404) {
              return false;
            }
            throw e;
          }
        });
  }

  /**
   * A GitLab release belongs to a tag: updates the one the tag has, else creates it. The answer's
   * {@code _links.self} is the release's page.
   */
  @Override
  public String upsertRelease(RepoRef repo, String tag, String name, String notes) {
    return call(
        "upsertRelease",
        repo,
        () -> {
          ReleaseParams params =
              new ReleaseParams().withTagName(tag).withName(name).withDescription(notes);
          boolean exists;
          try {
            exists = api.getReleasesApi().getRelease(repo.fullName(), tag) != null;
          } catch (GitLabApiException e) {
            if (e.getHttpStatus() != 404) {
              throw e; // only "no release yet" may lead to creating one
            }
            exists = false;
          }
          Release release =
              exists
                  ? api.getReleasesApi().updateRelease(repo.fullName(), params)
                  : api.getReleasesApi().createRelease(repo.fullName(), params);
          String self = release == null ? null : release.getLinkByName("self");
          return self != null
              ? self
              : serverUrl.replaceAll("/+$", "") + "/" + repo.fullName() + "/-/releases/" + tag;
        });
  }

  /**
   * {@code GET /namespaces/{owner}} (a group, a subgroup {@code group/sub}, or the token owner's
   * user namespace), then {@code POST /projects} into its {@code namespace_id} with the name as
   * path, no README (the engine pushes the first commit) and private visibility. A project that
   * exists already is GitLab's 400 ("has already been taken").
   */
  @Override
  public String createRepository(RepoRef repo, boolean privateRepository) {
    return call("createRepository", repo, () -> {
      org.gitlab4j.api.models.Namespace namespace = api.getNamespaceApi().getNamespace(repo.owner());
      org.gitlab4j.api.models.Project project = new org.gitlab4j.api.models.Project()
          .withName(repo.name())
          .withPath(repo.name())
          .withNamespaceId(namespace.getId())
          .withInitializeWithReadme(false)
          .withVisibility(privateRepository ? org.gitlab4j.api.models.Visibility.PRIVATE
              : org.gitlab4j.api.models.Visibility.PUBLIC);
      return api.getProjectApi().createProject(project).getHttpUrlToRepo();
    });
  }

  private <T> T call(String operation, RepoRef repo, GitLabCall<T> body) {
    return callOn(operation, "project " + repo.fullName(), body);
  }

  private <T> T callOn(String operation, String target, GitLabCall<T> body) {
    try {
      return body.run();
    } catch (GitLabApiException e) {
      throw ProviderErrors.gitLab(operation, target, e, token);
    } catch (GitProviderException e) {
      throw e;
    } catch (RuntimeException e) {
      // Pager wraps later pages' failures; JAX-RS throws ProcessingException on timeouts.
      Exception cause = e.getCause() instanceof GitLabApiException gl ? gl : e;
      throw ProviderErrors.gitLab(operation, target, cause, token);
    }
  }

  @FunctionalInterface
  private interface GitLabCall<T> {
    T run() throws GitLabApiException;
  }
}
