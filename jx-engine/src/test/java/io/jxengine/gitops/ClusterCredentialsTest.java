package io.jxengine.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import io.jxengine.engine.RunContext;
import io.jxengine.scm.ProviderKind;
import io.jxengine.secrets.SecretProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who gets the engine's cluster credentials: only pushes to an environment repository's branch. */
class ClusterCredentialsTest {
  static final String KUBECONFIG = "apiVersion: v1\nkind: Config\nusers: [{name: u, user: {token: s3cr3t}}]\n";
  static final Path STAGING = Path.of("/srv/git/staging.git");

  final List<Environment> environments = List.of(
      new Environment("staging", "jx-staging", PromotionStrategy.Auto, "", STAGING.toString(), ProviderKind.GIT,
          null, null, null, null, "main", null),
      new Environment("production", "jx-production", PromotionStrategy.Manual, "",
          "https://github.com/acme/env-production.git", ProviderKind.GITHUB, "acme", "env-production",
          "https://api.github.com", "github/token", "main", null));
  final SecretProvider local = (name, key) -> name.equals("nexus") ? Optional.of("pw") : Optional.empty();

  SecretProvider forRun(RunContext ctx) {
    return ClusterCredentials.scoped(local, () -> environments, () -> Optional.of(KUBECONFIG)).apply(ctx);
  }

  static RunContext run(String owner, String repo, String gitUrl, String branch, String event, Integer pull) {
    return new RunContext(owner, repo, branch, null, event, gitUrl, "abc", "msg", "me", pull, null, null,
        null, null, "postsubmit", null);
  }

  @Test
  void aPushToTheBranchOfAPlainEnvironmentRepositoryGetsTheKubeconfig() {
    SecretProvider s = forRun(run("local", "staging", "file://" + STAGING, "main", "push", null));

    assertThat(s.lookup(ClusterCredentials.SECRET, ClusterCredentials.KEY)).contains(KUBECONFIG);
    assertThat(s.withheld(ClusterCredentials.SECRET, ClusterCredentials.KEY)).isEmpty();
  }

  @Test
  void aPushToAProviderHostedEnvironmentIsMatchedByOwnerAndName() {
    SecretProvider s = forRun(run("acme", "env-production", "https://github.com/acme/env-production.git",
        "main", "push", null));

    assertThat(s.lookup(ClusterCredentials.SECRET, ClusterCredentials.KEY)).contains(KUBECONFIG);
  }

  @Test
  void aPullRequestBuildOfAnApplicationGetsTheKubeconfigForItsPreview() {
    for (String event : List.of("pull_request", "comment")) {
      SecretProvider s = forRun(run("acme", "web", "https://github.com/acme/web.git", "PR-7", event, 7));

      assertThat(s.lookup(ClusterCredentials.SECRET, ClusterCredentials.KEY)).as(event).contains(KUBECONFIG);
    }
  }

  @Test
  void pullRequestsOtherBranchesTagsAndOtherRepositoriesAreRefusedWithAReason() {
    List<RunContext> refused = List.of(
        run("acme", "env-production", null, "PR-3", "pull_request", 3),
        run("local", "staging", STAGING.toString(), "main", "comment", 3),
        run("local", "staging", STAGING.toString(), "PR-4", "pull_request", 4),
        run("acme", "web", "https://github.com/acme/web.git", "main", "cron", null),
        run("local", "staging", STAGING.toString(), "feature", "push", null),
        run("acme", "web", "https://github.com/acme/web.git", "main", "push", null),
        run("local", "staging-copy", "/srv/git/staging-copy.git", "main", "push", null));
    for (RunContext ctx : refused) {
      SecretProvider s = forRun(ctx);
      assertThat(s.lookup(ClusterCredentials.SECRET, ClusterCredentials.KEY)).as(ctx.toString()).isEmpty();
      assertThat(s.withheld(ClusterCredentials.SECRET, ClusterCredentials.KEY)).as(ctx.toString()).isPresent();
    }
  }

  @Test
  void theNameIsReservedOtherKeysAreRefusedAndOtherSecretsComeFromTheLocalOnes() {
    SecretProvider base = (name, key) -> Optional.of("spoofed");
    SecretProvider s = ClusterCredentials.scoped(base, () -> environments, Optional::empty)
        .apply(run("acme", "web", "https://github.com/acme/web.git", "main", "push", null));
    assertThat(s.lookup(ClusterCredentials.SECRET, ClusterCredentials.KEY)).isEmpty();
    assertThat(s.lookup("nexus", "password")).contains("spoofed");

    SecretProvider env = forRun(run("local", "staging", STAGING.toString(), "main", "push", null));
    assertThat(env.lookup(ClusterCredentials.SECRET, "token")).isEmpty();
    assertThat(env.withheld(ClusterCredentials.SECRET, "token")).get().asString().contains(ClusterCredentials.KEY);
    assertThat(env.lookup("nexus", "password")).contains("pw");
  }

  @Test
  void anEngineWithoutAKubeconfigSaysSo() {
    SecretProvider s = ClusterCredentials.scoped(local, () -> environments, Optional::empty)
        .apply(run("local", "staging", STAGING.toString(), "main", "push", null));

    assertThat(s.lookup(ClusterCredentials.SECRET, ClusterCredentials.KEY)).isEmpty();
    assertThat(s.withheld(ClusterCredentials.SECRET, ClusterCredentials.KEY)).get().asString().contains("kubeconfig");
  }

  @Test
  void urlsAndPathsCompareInOneSpelling() {
    assertThat(EnvironmentMatch.canonical("file://" + STAGING)).isEqualTo(STAGING.toString());
    assertThat(EnvironmentMatch.canonical(STAGING.toUri().toString())).isEqualTo(STAGING.toString());
    assertThat(EnvironmentMatch.canonical("/srv/git/x/../staging.git")).isEqualTo(STAGING.toString());
    assertThat(EnvironmentMatch.canonical("https://GitHub.com/acme/env.git/"))
        .isEqualTo("https://github.com/acme/env.git");
  }
}
