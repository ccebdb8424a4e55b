package io.jxengine.preview;

import io.jxengine.scm.GitProvider;
import io.jxengine.scm.RepoRef;
import java.util.Optional;
import java.util.function.Function;

/**
 * Keeps ONE comment per pull request about its preview, found again by the hidden marker {@value
 * #MARKER} and updated at every push, deletion and eviction. A provider error never fails the
 * preview: {@link #post} returns it as a note for the log and the activity.
 */
public final class PreviewComments {
  public static final String MARKER = "jxe-preview";

  private final Function<RepoRef, Optional<GitProvider>> providers;

  /** @param providers the provider API of a repository, or empty when the engine has none */
  public PreviewComments(Function<RepoRef, Optional<GitProvider>> providers) {
    this.providers = providers;
  }

  /**
   * Writes {@code body} as the preview comment of the pull request.
   *
   * @return the comment id, or a note saying why nothing was commented
   */
  public Result post(RepoRef repo, int number, String body) {
    Optional<GitProvider> provider;
    try {
      provider = providers.apply(repo);
    } catch (RuntimeException e) {
      return new Result(null, "no provider for " + repo.fullName() + ": " + e.getMessage());
    }
    if (provider.isEmpty()) {
      return new Result(null, "no git provider API configured for " + repo.fullName()
          + ": the pull request was not commented");
    }
    try {
      return new Result(provider.get().upsertComment(repo, number, MARKER, body).id(), null);
    } catch (RuntimeException e) {
      return new Result(null, "cannot comment on " + repo.fullName() + "#" + number + ": "
          + e.getMessage());
    }
  }

  /**
   * The pull request's web page as the provider reports it; empty (with a note saying why) when
   * there is no provider API or it cannot answer.
   */
  public Optional<String> pullRequestUrl(RepoRef repo, int number, java.util.List<String> notes) {
    try {
      Optional<GitProvider> provider = providers.apply(repo);
      if (provider.isEmpty()) {
        return Optional.empty();
      }
      return Optional.ofNullable(provider.get().getPullRequest(repo, number).htmlUrl());
    } catch (RuntimeException e) {
      notes.add("cannot read " + repo.fullName() + "#" + number + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  /** @param commentId null when nothing was written; @param error null when it was */
  public record Result(Long commentId, String error) {}

  static String ready(PreviewSpec s) {
    String url = s.getUrl() == null ? "(no Ingress in the chart, so no URL)"
        : "[" + s.getUrl() + "](" + s.getUrl() + ")";
    return "**Preview environment** of this pull request: " + url + "\n\n"
        + "| namespace | image | version | updated |\n| --- | --- | --- | --- |\n"
        + "| `" + s.getNamespace() + "` | `" + s.getImage() + "` | " + nz(s.getVersion()) + " | "
        + s.getUpdatedAt() + " |\n\n"
        + "It is deleted when the pull request is closed or merged, after " + s.getTtl()
        + " without a push, or when the repository has more than " + s.getMaxPerRepository()
        + " previews (the oldest go first).";
  }

  static String failed(String namespace, String why) {
    return "**Preview environment** of this pull request could not be deployed.\n\n```\n"
        + why.replace("```", "'''") + "\n```\n\nNamespace: `" + namespace + "`";
  }

  static String removed(String namespace, String why) {
    return "**Preview environment** removed: " + why + ".\n\nNamespace `" + namespace
        + "` and everything in it were deleted.";
  }

  private static String nz(String s) {
    return s == null || s.isEmpty() ? "-" : s;
  }
}
