package io.jxengine.cli;

import io.jxengine.parse.GoDuration;
import io.jxengine.scm.ProviderKind;
import io.jxengine.server.repos.ImportException;
import io.jxengine.server.repos.PostReceiveHook;
import io.jxengine.server.repos.Repository;
import io.jxengine.server.repos.RepositoryImporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Registers a repository with the engine and prints the webhook to configure.",
      "For a bare repository on this machine, installs a post-receive hook so that"
          + " `git push` into it starts the engine's pipelines with no further setup."
    })
final class ImportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "GIT-URL|PATH", description = "The clone URL, or a repository on this machine.")
  String target;

  @Option(names = "--provider", paramLabel = "KIND", description = "github, gitlab, gitea or git (default: from the URL).")
  ProviderKind provider;

  @Option(names = "--name", paramLabel = "OWNER/REPO", description = "The repository's name (default: from the URL).")
  String name;

  @Option(names = "--api-url", paramLabel = "URL", description = "The provider's API base URL.")
  String apiUrl;

  @Option(names = "--token-secret", paramLabel = "SECRET/KEY", description = "Local secret holding the provider API token.")
  String tokenSecret;

  @Option(names = "--trusted", split = ",", paramLabel = "USER", description = "Users trusted to run pull requests and ChatOps.")
  List<String> trusted = List.of();

  @Option(names = "--default-branch", paramLabel = "BRANCH", description = "Default branch (default: the repository's HEAD, else main).")
  String defaultBranch;

  @Option(names = "--poll", paramLabel = "DURATION", description = "Poll for changes this often (e.g. 1m), for repositories without webhooks.")
  String poll;

  @Option(names = "--server-url", paramLabel = "URL", description = "The engine's URL for the hook (default: $JXE_HOME/server.url when the hook runs).")
  String serverUrl;

  @Option(names = "--force", description = "Keep an existing post-receive hook that jxe did not write, running it first.")
  boolean force;

  @Option(names = "--pack", paramLabel = "KIND", description = "The build pack to write into a working tree without pipelines (default: detected from its files).")
  String pack;

  @Override
  public Integer call() throws IOException {
    Duration pollInterval = null;
    if (poll != null) {
      pollInterval =
          GoDuration.parse(poll)
              .filter(d -> d.compareTo(Duration.ofSeconds(10)) >= 0)
              .orElseThrow(
                  () -> new UserException("--poll: '" + poll + "' is not a duration of at least 10s (e.g. 1m)", ExitCodes.USAGE));
    }
    if (tokenSecret != null && !tokenSecret.matches("[^/\\s]+/[^/\\s]+")) {
      throw new UserException("--token-secret must be <secret>/<key>, not '" + tokenSecret + "'", ExitCodes.USAGE);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (pack != null && !pack.matches("[a-z0-9][a-z0-9-]{0,62}")) {
      throw new UserException("--pack: '" + pack + "' is not the name of a build pack", ExitCodes.USAGE);
    }
    try (EngineContext engine = new EngineContext()) {
      ImportPacks.checkKnown(engine.home().builtInCatalogs(), pack);
      RepositoryImporter importer =
          new RepositoryImporter(engine.repositories(), PostReceiveHook.detect(), engine.home().root());
      RepositoryImporter.Result result;
      try {
        result =
            importer.importRepository(
                new RepositoryImporter.Request(
                    target, provider, name, apiUrl, tokenSecret, trusted, defaultBranch,
                    pollInterval, serverUrl, force, Path.of("").toAbsolutePath()));
      } catch (ImportException e) {
        throw new UserException(e.getMessage());
      }
      print(result, out);
      ImportPacks.write(engine.home().builtInCatalogs(), target, pack, out);
      return ExitCodes.OK;
    }
  }

  private static void print(RepositoryImporter.Result result, PrintWriter out) {
    Repository repo = result.repository();
    out.printf(
        "%s %s/%s (%s, id %d)%n",
        result.created() ? "Imported" : "Updated",
        repo.owner(),
        repo.name(),
        repo.provider().name().toLowerCase(java.util.Locale.ROOT),
        repo.id());
    if (result.hook() != null) {
      out.println("Installed " + result.hook() + ": git push into it now notifies the engine.");
      if (result.chained() != null) {
        out.println("The previous hook was kept as " + result.chained() + " and runs first.");
      }
      if (result.serverUrl() == null) {
        out.println("Start the engine with `jxe server`; the hook finds it through $JXE_HOME/server.url.");
      }
    } else if (repo.provider() != ProviderKind.GIT) {
      out.println("Configure a webhook on " + repo.provider().name().toLowerCase(java.util.Locale.ROOT) + ":");
      out.println("  Payload URL:  " + result.webhookUrl());
      out.println("  Content type: application/json");
      out.println("  Secret:       " + repo.webhookSecret());
      out.println("  Events:       push, pull requests, comments");
    } else if (repo.pollInterval() == null) {
      out.println("No webhook for plain git: pass --poll 1m to poll it for changes.");
    }
    if (repo.pollInterval() != null) {
      out.println("Polling every " + GoDuration.format(repo.pollInterval()) + ".");
    }
  }
}
