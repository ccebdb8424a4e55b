package io.jxengine.preview;

import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.jxengine.activity.Activity;
import io.jxengine.activity.ActivityFilter;
import io.jxengine.activity.Status;
import io.jxengine.activity.StepKind;
import io.jxengine.activity.StepRecord;
import io.jxengine.backend.local.LocalBackend;
import io.jxengine.catalog.Catalog;
import io.jxengine.engine.JxeHome;
import io.jxengine.engine.RunContext;
import io.jxengine.engine.RunService;
import io.jxengine.logs.FileLogStore;
import io.jxengine.model.Pipeline;
import io.jxengine.parse.LoadResult;
import io.jxengine.parse.PipelineLoader;
import io.jxengine.scm.GitEvent;
import io.jxengine.scm.ProviderKind;
import io.jxengine.scm.RepoRef;
import io.jxengine.scm.provider.GitProviders;
import io.jxengine.secrets.LocalSecretProvider;
import io.jxengine.server.ServerApp;
import io.jxengine.server.ServerConfig;
import io.jxengine.server.ServerExtension;
import io.jxengine.server.ServerParts;
import io.jxengine.store.StoreDb;
import io.jxengine.server.repos.Repository;
import io.jxengine.server.repos.SqliteRepositoryStore;
import io.jxengine.server.trigger.RunIntent;
import io.jxengine.server.trigger.TriggerPlanner;
import io.jxengine.store.SqliteActivityStore;
import io.jxengine.store.SqliteServerStore;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pull-request story through a real server: a pull-request event queues a build whose step
 * runs {@code jxe preview create} as a real process against the mock cluster (kubeconfig) and
 * WireMock as GitHub; a second push updates the same preview and the same comment; closing the
 * pull request makes the server's preview extension delete it and update the comment.
 */
@EnableKubernetesMockClient(crud = true)
class PreviewServerIT {
  static final RepoRef REPO = new RepoRef(ProviderKind.GITHUB, "acme", "app");
  static final int PR = 7;
  static final String NAME = "jx-acme-app-pr-7";

  KubernetesMockServer server;
  KubernetesClient client;
  @TempDir Path tmp;
  WireMockServer gh;
  ServerApp app;
  SqliteActivityStore activities;
  SqliteServerStore serverStore;
  StoreDb repoDb;
  PreviewJanitor janitor;
  FakeRollouts rollouts;

  static Repository repository(RepoRef ref) {
    return new Repository(1, ref.provider(), ref.owner(), ref.name(), "file:///nowhere", null,
        null, "s", "main", List.of(), null, null, null);
  }

  static GitEvent.PullRequest closed(RepoRef ref, int number) {
    return new GitEvent.PullRequest(ref, "file:///nowhere", "closed", number, "t", "jane",
        "MEMBER", "feature", "abc", "file:///nowhere", false, "main", "def", false, null);
  }

  @AfterEach
  void stop() throws Exception {
    if (app != null) {
      app.stop();
    }
    if (janitor != null) {
      janitor.close();
    }
    if (rollouts != null) {
      rollouts.close();
    }
    for (AutoCloseable c : new AutoCloseable[] {serverStore, repoDb, activities}) {
      if (c != null) {
        c.close();
      }
    }
    if (gh != null) {
      gh.stop();
    }
  }

  @Test
  void pullRequestBuildCreatesThePreviewAPushUpdatesItAndCloseDeletesIt() throws Exception {
    gh = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    gh.start();
    GitHubStubs.pullRequest(gh, PR, "open");
    installCrd();
    rollouts = new FakeRollouts(client, true);
    Path origin = tmp.resolve("origin");
    String sha1 = commit(origin, "first");
    Path kubeconfig = kubeconfig();

    JxeHome home = new JxeHome(tmp.resolve("home"), List.of()).ensureExists();
    activities = SqliteActivityStore.open(home.database());
    serverStore = SqliteServerStore.open(home.database());
    repoDb = StoreDb.open(home.database());
    SqliteRepositoryStore repositories = new SqliteRepositoryStore(repoDb);
    Repository repo = repositories.save(new Repository(0, ProviderKind.GITHUB, "acme", "app",
        origin.toUri().toString(), gh.baseUrl(), null, "s", "main", List.of(), null, null, null));
    Pipeline pipeline = pipeline(kubeconfig);
    TriggerPlanner planner = (r, event, delivery) -> {
      if (event instanceof GitEvent.PullRequest pr && !"closed".equals(pr.action())) {
        RunContext ctx = new RunContext(r.owner(), r.name(), "PR-" + pr.number(), null,
            "pull_request", pr.cloneUrl(), pr.headSha(), null, pr.author(), pr.number(),
            pr.title(), pr.baseRef(), pr.baseSha(), null, "presubmit", null);
        return new TriggerPlanner.Decision(List.of(new RunIntent(pipeline, ctx, pr.cloneUrl(),
            pr.headSha(), true, delivery, "jx-engine/pr")), List.of(), List.of(), List.of());
      }
      return TriggerPlanner.Decision.nothing("not a pull request build");
    };
    RunService runs = new RunService(activities, new FileLogStore(home.logs()),
        new LocalBackend(home.scripts()), new LocalSecretProvider(List.of(), Map.of()), home);
    var provider = GitProviders.create(ProviderKind.GITHUB, gh.baseUrl(), "t0ken");
    app = new ServerApp(ServerConfig.loopback(0), new ServerParts(activities, serverStore,
        serverStore, repositories, planner, r -> Optional.of(provider), runs,
        new PipelineLoader(Catalog.empty())));
    janitor = PreviewServerExtension.attach(
        new ServerExtension.Context(app, home, new FileLogStore(home.logs()),
            new LocalSecretProvider(List.of(), Map.of())),
        client, "jx", Duration.ofHours(1));
    app.start();

    app.deliver(repo, "d1", event(origin, "opened", sha1));
    Activity first = finished(1);

    assertThat(first.status()).as(first.message()).isEqualTo(Status.Succeeded);
    StepRecord previewStep = step(first, "preview");
    assertThat(previewStep.kind()).isEqualTo(StepKind.Preview);
    assertThat(previewStep.message()).contains("http://app-pr-7.preview.test");
    assertThat(Files.readString(tmp.resolve("shown")))
        .contains("url=http://app-pr-7.preview.test name=" + NAME);
    assertThat(new PreviewStore(client, "jx").get(NAME).orElseThrow().getSpec().getImage())
        .isEqualTo("registry.test/app:" + sha1);
    gh.verify(1, postRequestedFor(urlPathEqualTo("/repos/acme/app/issues/7/comments")));

    String sha2 = commit(origin, "second");
    app.deliver(repo, "d2", event(origin, "synchronize", sha2));
    Activity second = finished(2);

    assertThat(second.status()).as(second.message()).isEqualTo(Status.Succeeded);
    assertThat(new PreviewStore(client, "jx").list()).singleElement()
        .satisfies(p -> assertThat(p.getSpec().getImage()).isEqualTo("registry.test/app:" + sha2));
    gh.verify(1, postRequestedFor(urlPathEqualTo("/repos/acme/app/issues/7/comments")));
    gh.verify(patchRequestedFor(urlPathEqualTo("/repos/acme/app/issues/comments/500"))
        .withRequestBody(matching(".*registry.test/app:" + sha2 + ".*")));

    app.deliver(repo, "d3", event(origin, "closed", sha2));

    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      assertThat(new PreviewStore(client, "jx").list()).isEmpty();
      assertThat(client.namespaces().withName(NAME).get()).isNull();
      // the comment is updated after the deletion
      gh.verify(patchRequestedFor(urlPathEqualTo("/repos/acme/app/issues/comments/500"))
          .withRequestBody(matching(".*removed: the pull request was closed.*")));
    });
  }

  Activity finished(int count) {
    await().atMost(Duration.ofMinutes(3)).until(() -> {
      List<Activity> all = activities.list(ActivityFilter.all());
      return all.size() >= count && all.stream().allMatch(a -> a.completed() != null);
    });
    return activities.list(ActivityFilter.all()).stream()
        .max(java.util.Comparator.comparingLong(Activity::id)).orElseThrow();
  }

  static StepRecord step(Activity a, String name) {
    return a.steps().stream().filter(s -> s.parentId() != null && s.name().equals(name))
        .findFirst().orElseThrow();
  }

  GitEvent.PullRequest event(Path origin, String action, String sha) {
    String url = origin.toUri().toString();
    return new GitEvent.PullRequest(REPO, url, action, PR, "a change", "jane", "MEMBER",
        "feature", sha, url, false, "main", sha, false, "https://github.com/acme/app/pull/7");
  }

  Pipeline pipeline(Path kubeconfig) {
    String java = ProcessHandle.current().info().command().orElse("java");
    String yaml = """
        stages:
          - name: preview
            env:
              KUBECONFIG: %s
              JXE_GIT_API_URL: %s
              JXE_GIT_TOKEN: t0ken
              JXE_PREVIEW_NAMESPACE: jx
              PREVIEW_DOMAIN: preview.test
              JXE_JAVA: %s
              JXE_CP: %s
              SHOWN: %s
            steps:
              - name: preview
                env:
                  JXE_STEP_KIND: Preview
                run: |
                  "$JXE_JAVA" -cp "$JXE_CP" io.jxengine.cli.Main preview create \\
                    --image "registry.test/app:$PULL_PULL_SHA" --timeout 60s
              - name: show
                run: echo "url=$PREVIEW_URL name=$PREVIEW_NAME" > "$SHOWN"
        """.formatted(q(kubeconfig), q(gh.baseUrl()), q(java),
            q(System.getProperty("java.class.path")), q(tmp.resolve("shown")));
    LoadResult loaded = new PipelineLoader(Catalog.empty())
        .loadString(yaml, ".jx/pipeline.yaml", "pr");
    assertThat(loaded.hasErrors()).as(loaded.diagnostics().toString()).isFalse();
    return loaded.effective();
  }

  /** A YAML double-quoted scalar (class paths hold ':'). */
  static String q(Object value) {
    return "\"" + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  Path kubeconfig() throws Exception {
    String url = client.getConfiguration().getMasterUrl();
    Path file = tmp.resolve("kubeconfig");
    Files.writeString(file, """
        apiVersion: v1
        kind: Config
        clusters:
          - name: mock
            cluster:
              server: %s
              insecure-skip-tls-verify: true
        contexts:
          - name: mock
            context:
              cluster: mock
              namespace: jx
              user: me
        current-context: mock
        users:
          - name: me
            user:
              token: secret
        """.formatted(url));
    return file;
  }

  void installCrd() throws Exception {
    try (InputStream in = Files.newInputStream(PreviewCrdTest.committed())) {
      CustomResourceDefinition crd =
          client.apiextensions().v1().customResourceDefinitions().load(in).item();
      client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
    }
  }

  static String commit(Path dir, String message) throws Exception {
    Git git = Files.isDirectory(dir.resolve(".git")) ? Git.open(dir.toFile())
        : Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
    try (git) {
      Files.writeString(dir.resolve("README.md"), message + "\n");
      git.add().addFilepattern("README.md").call();
      PersonIdent who = new PersonIdent("Jane Doe", "jane@example.com");
      return git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false)
          .call().getName();
    }
  }
}
