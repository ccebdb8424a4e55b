package io.jxengine.cli;

import io.jxengine.backend.StepReports;
import io.jxengine.release.Changelog;
import io.jxengine.release.ReleaseException;
import io.jxengine.release.ReleaseRepo;
import io.jxengine.scm.GitProvider;
import io.jxengine.scm.GitProviderException;
import io.jxengine.scm.ProviderKind;
import io.jxengine.scm.RepoRef;
import io.jxengine.scm.provider.GitProviders;
import io.jxengine.server.repos.ImportTarget;
import io.jxengine.source.GitUrls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.eclipse.jgit.api.Git;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "changelog",
    mixinStandardHelpOptions = true,
    description = {
      "Writes Markdown release notes of the commits after the previous version tag, grouped as"
          + " Breaking Changes, Features, Bug Fixes and Other, with links to commits and pull"
          + " requests on the provider's web site (from the remote's URL).",
      "--release also creates (or updates) the provider's release of the tag (GitHub, GitLab),"
          + " authenticated with $GIT_TOKEN."
    })
final class StepChangelogCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin StepOptions options;

  @Option(names = "--from", paramLabel = "TAG", description = "The previous release's tag (default: the highest version tag before --to).")
  String from;

  @Option(names = "--to", paramLabel = "REV", description = "The released commit (default: HEAD).")
  String to = "HEAD";

  @Option(names = "--version", paramLabel = "VERSION", description = "The version released (default: the version tag on --to).")
  String version;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the notes here instead of printing them.")
  Path output;

  @Option(names = "--remote", paramLabel = "NAME", description = "The remote whose web URL the links use (default: origin).")
  String remote = "origin";

  @Option(names = "--release", description = "Create the provider's release of the tag with these notes.")
  boolean release;

  @Option(names = "--provider", paramLabel = "KIND", description = "github or gitlab (default: from the remote's URL).")
  ProviderKind provider;

  @Option(names = "--api-url", paramLabel = "URL", description = "The provider's API (default: the public one of the kind).")
  String apiUrl;

  @Option(names = "--repo", paramLabel = "OWNER/REPO", description = "The repository on the provider (default: from the remote's URL).")
  String repo;

  @Override
  public Integer call() throws IOException {
    Changelog.Notes notes;
    String remoteUrl;
    try (Git git = options.open()) {
      notes = Changelog.of(git, new Changelog.Request(from, to, options.prefix, version, remote));
      remoteUrl = ReleaseRepo.remoteUrl(git, remote);
    } catch (ReleaseException e) {
      throw new UserException(e.getMessage());
    }
    if (output != null) {
      Path parent = output.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(output, notes.markdown());
      spec.commandLine().getOut().printf("Wrote the notes of %s (%d commits since %s) to %s%n",
          notes.tag() == null ? "unreleased changes" : notes.tag(), notes.commits(),
          notes.fromTag() == null ? "the first commit" : notes.fromTag(), output);
    } else {
      spec.commandLine().getOut().print(notes.markdown());
    }
    if (release) {
      String url = publish(notes, remoteUrl);
      spec.commandLine().getOut().println("Release " + notes.tag() + ": " + url);
      StepOptions.report(StepReports.RELEASE_NOTES_URL, url);
    }
    return ExitCodes.OK;
  }

  private String publish(Changelog.Notes notes, String remoteUrl) {
    if (notes.tag() == null) {
      throw new UserException("--release needs the version: pass --version, or tag --to first (jxe step tag)");
    }
    ImportTarget target = remoteUrl == null ? null : ImportTarget.of(remoteUrl, Path.of("").toAbsolutePath());
    ProviderKind kind = provider != null ? provider : target == null ? ProviderKind.GIT : target.guessProvider();
    if (kind != ProviderKind.GITHUB && kind != ProviderKind.GITLAB) {
      throw new UserException("--release needs a GitHub or GitLab repository; pass --provider github|gitlab"
          + (remoteUrl == null ? " (no remote " + remote + ")" : " (remote " + remote + " is " + kind.name().toLowerCase(java.util.Locale.ROOT) + ")"));
    }
    String[] ownerRepo = ownerRepo(remoteUrl);
    String api = apiUrl != null ? apiUrl : target != null ? target.defaultApiUrl(kind) : null;
    if (api == null) {
      throw new UserException("--release: pass --api-url, the provider's API");
    }
    if (kind == ProviderKind.GITLAB) {
      api = api.replaceFirst("/api/v4/?$", ""); // gitlab4j wants the server's root
    }
    GitProvider client = GitProviders.create(kind, api, System.getenv("GIT_TOKEN"));
    try {
      return client.upsertRelease(new RepoRef(kind, ownerRepo[0], ownerRepo[1]), notes.tag(),
          notes.tag(), notes.markdown());
    } catch (GitProviderException e) {
      throw new UserException("cannot create the release of " + notes.tag() + ": " + e.getMessage());
    }
  }

  private String[] ownerRepo(String remoteUrl) {
    String full = repo;
    if (full == null) {
      GitUrls.OwnerRepo parsed = GitUrls.parse(remoteUrl);
      if (parsed == null) {
        throw new UserException("--release: cannot tell owner/repo from the remote; pass --repo OWNER/REPO");
      }
      return new String[] {parsed.owner(), parsed.repo()};
    }
    int slash = full.lastIndexOf('/');
    if (slash <= 0 || slash == full.length() - 1 || !full.matches("[A-Za-z0-9._/-]{3,200}")) {
      throw new UserException("--repo must be OWNER/REPO, not '" + full + "'", ExitCodes.USAGE);
    }
    return new String[] {full.substring(0, slash), full.substring(slash + 1)};
  }
}
