package io.jxengine.release;

import java.io.IOException;
import org.eclipse.jgit.api.Git;

/**
 * Release notes of a range of history: from the previous release tag (or {@code from}) to a commit.
 * Stateless.
 */
public final class Changelog {
  /**
   * What to describe.
   *
   * @param from the previous release's tag, or null for the highest version tag reachable from
   *     {@code to} that is not on {@code to} itself
   * @param to the released commit ({@code HEAD} by default)
   * @param version the version released, or null to take it from a version tag on {@code to}
   * @param remote the remote whose web URL the links use
   */
  public record Request(String from, String to, String prefix, String version, String remote) {}

  /**
   * The notes.
   *
   * @param tag the release's tag ({@code prefix + version}), or null when unknown (unreleased)
   * @param fromTag the tag the range starts after, or null (from the first commit)
   */
  public record Notes(String tag, String version, String fromTag, int commits, String markdown,
      RepoLinks links) {}

  private Changelog() {}

  public static Notes of(Git git, Request request) throws IOException {
    String to = request.to() == null ? "HEAD" : request.to();
    VersionHistory.History h =
        VersionHistory.read(git.getRepository(), to, request.from(), request.prefix(), true);
    String version = request.version() != null
        ? NextVersion.override(request.version(), request.prefix()).toString()
        : tagOn(git, h.to(), request.prefix());
    String tag = version == null ? null : request.prefix() + version;
    RepoLinks links = RepoLinks.forRemote(ReleaseRepo.remoteUrl(git, request.remote()));
    String md = ReleaseNotes.markdown(tag == null ? "Unreleased" : tag, h.toTime(), h.commits(), links);
    return new Notes(tag, version, h.last() == null ? null : h.last().name(), h.commits().size(),
        md, links);
  }

  /** The highest release version tagged on {@code commit}, or null. */
  private static String tagOn(Git git, String commit, String prefix) throws IOException {
    VersionHistory.VersionTag t =
        VersionHistory.versionTags(git.getRepository(), prefix)
            .get(org.eclipse.jgit.lib.ObjectId.fromString(commit));
    return t == null ? null : t.version().toString();
  }
}
