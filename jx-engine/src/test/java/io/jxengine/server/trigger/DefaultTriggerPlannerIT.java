package io.jxengine.server.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import io.jxengine.activity.NewActivity;
import io.jxengine.activity.Status;
import io.jxengine.scm.GitEvent;
import io.jxengine.scm.ProviderKind;
import io.jxengine.scm.RepoRef;
import io.jxengine.server.repos.Repository;
import io.jxengine.server.trigger.TriggerPlanner.Decision;
import io.jxengine.store.SqliteActivityStore;
import io.jxengine.store.SqlitePullRequestGates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The planner against real git repositories (git CLI) and a real SQLite store. */
class DefaultTriggerPlannerIT {
  static final String ZERO = "0".repeat(40);
  static final String DEFAULT = """
      triggers:
        push:
          branches: [main]
          paths: ["src/**"]
        pull_request:
          branches: [main]
      stages:
        - name: build
          steps:
            - run: echo build
      """;
  static final String DOCS = "stages:\n  - name: d\n    steps:\n      - run: echo docs\n";
  static final String RELEASE = """
      triggers:
        push:
          tags: ["v*"]
      stages:
        - name: r
          steps:
            - run: echo release
      """;
  static final String INTEGRATION = """
      triggers:
        comment: ["/test integration"]
      stages:
        - name: i
          steps:
            - run: echo integration
      """;

  /** One store for the class: migrating a new file per test is the slow part. Tests use distinct PR numbers. */
  @TempDir static Path storeDir;
  static SqliteActivityStore activities;
  static SqlitePullRequestGates gates;

  @TempDir Path tmp;
  GitFixture git;
  FakeGitProvider provider = new FakeGitProvider();
  ProviderKind kind = ProviderKind.GITHUB;
  DefaultTriggerPlanner planner;
  String base;

  @BeforeEach
  void setUp() throws Exception {
    git = GitFixture.create(tmp, "widget");
    base = git.commit("init", ".jx/pipeline.yaml", DEFAULT, ".jx/pipelines/docs.yaml", DOCS,
        ".jx/pipelines/release.yaml", RELEASE, ".jx/pipelines/integration.yaml", INTEGRATION,
        "src/A.java", "class A {}", "README.md", "hi", "OWNERS", "approvers: [alice]\n");
    git.git("push", "-q", "origin", "main");
    planner = new DefaultTriggerPlanner(tmp.resolve("mirrors"), List.of(),
        r -> kind == ProviderKind.GIT ? Optional.empty() : Optional.of(provider), activities, gates);
  }

  @BeforeAll
  static void openStore() {
    activities = SqliteActivityStore.open(storeDir.resolve("jxe.db"));
    gates = SqlitePullRequestGates.open(storeDir.resolve("jxe.db"));
  }

  @AfterAll
  static void closeStore() {
    gates.close();
    activities.close();
  }

  Repository repo() {
    return new Repository(7, kind, "acme", "widget", git.origin.toString(), null, null, "s",
        "main", List.of("trusty"), null, null, Instant.EPOCH);
  }

  GitEvent.Push push(String ref, String before, String after) {
    String branch = ref.startsWith("refs/heads/") ? ref.substring(11) : null;
    String tag = ref.startsWith("refs/tags/") ? ref.substring(10) : null;
    return new GitEvent.Push(new RepoRef(kind, "acme", "widget"), git.origin.toString(), ref, branch,
        tag, before, after, ZERO.equals(before), ZERO.equals(after), "jane", null, null, null);
  }

  GitEvent.PullRequest pr(String action, int n, String author, String headRef, String headSha,
      boolean fork, String headUrl) {
    return new GitEvent.PullRequest(new RepoRef(kind, "acme", "widget"), git.origin.toString(),
        action, n, "zzz\";echo${IFS}\"hi\";#", author, null, headRef, headSha, headUrl, fork, "main",
        base, false, null);
  }

  GitEvent.Comment comment(int n, String author, String body, long id) {
    return new GitEvent.Comment(new RepoRef(kind, "acme", "widget"), git.origin.toString(),
        "created", n, true, body, author, null, id, null);
  }

  static List<String> names(Decision d) {
    return d.runs().stream().map(r -> r.pipeline().name()).sorted().toList();
  }

  /** A same-repo branch with one commit touching src/, published as pull request n. */
  String pullRequestBranch(String branch, int n, String... files) throws Exception {
    git.git("checkout", "-q", "-b", branch, "main");
    String head = git.commit("change on " + branch, files);
    git.git("push", "-q", "origin", branch, "HEAD:refs/pull/" + n + "/head");
    git.git("checkout", "-q", "main");
    provider.pull(n, branch, head, "main");
    return head;
  }

  @Test
  void pushToMainHonoursPathFilters() throws Exception {
    String docsOnly = git.commit("docs", "README.md", "more");
    git.git("push", "-q", "origin", "main");
    Decision d = planner.plan(repo(), push("refs/heads/main", base, docsOnly), "d1");
    assertThat(names(d)).containsExactly("docs");
    assertThat(d.notes()).anyMatch(n -> n.contains("default"));

    String src = git.commit("src", "src/B.java", "class B {}");
    git.git("push", "-q", "origin", "main");
    d = planner.plan(repo(), push("refs/heads/main", docsOnly, src), "d2");
    assertThat(names(d)).containsExactly("default", "docs");
    RunIntent run = d.runs().stream().filter(r -> r.pipeline().name().equals("default")).findFirst().orElseThrow();
    assertThat(run.checkoutSha()).isEqualTo(src);
    assertThat(run.withSecrets()).isTrue();
    assertThat(run.triggerKey()).isEqualTo("d2/default");
    assertThat(run.statusContext()).isEqualTo("jx-engine/default");
    assertThat(run.context().event()).isEqualTo("push");
    assertThat(run.context().jobType()).isEqualTo("postsubmit");
    assertThat(run.context().branch()).isEqualTo("main");
    assertThat(run.context().changedPaths()).containsExactly("src/B.java");
    assertThat(run.context().commitMessage()).isEqualTo("src\n");
    assertThat(run.context().gitUrl()).isEqualTo(git.origin.toString());
    assertThat(new RepoMirror(Path.of(run.checkoutUrl()), git.origin.toString(), kind).hasCommit(src)).isTrue();
  }

  @Test
  void createdBranchComparesWithItsParentAndDeletedBranchRunsNothing() throws Exception {
    git.git("checkout", "-q", "-b", "topic");
    String c = git.commit("readme", "README.md", "x");
    git.git("push", "-q", "origin", "topic");
    Decision d = planner.plan(repo(), push("refs/heads/topic", ZERO, c), "d1");
    assertThat(names(d)).containsExactly("docs");
    assertThat(d.runs().get(0).context().changedPaths()).containsExactly("README.md");

    d = planner.plan(repo(), push("refs/heads/topic", c, ZERO), "d2");
    assertThat(d.runs()).isEmpty();
  }

  @Test
  void tagPushRunsTagPipelines() throws Exception {
    git.git("tag", "-a", "v1.0.0", "-m", "release");
    git.git("push", "-q", "origin", "v1.0.0");
    String tagObject = git.git("rev-parse", "v1.0.0");
    Decision d = planner.plan(repo(), push("refs/tags/v1.0.0", ZERO, tagObject), "d1");
    assertThat(names(d)).containsExactly("docs", "release");
    RunIntent r = d.runs().get(0);
    assertThat(r.context().event()).isEqualTo("tag");
    assertThat(r.context().tag()).isEqualTo("v1.0.0");
    assertThat(r.checkoutSha()).isEqualTo(base);
  }

  @Test
  void sameRepoPullRequestRunsWithSecretsOverItsOwnChanges() throws Exception {
    String head = pullRequestBranch("feature", 1, "src/C.java", "class C {}");
    git.commit("main moves on", "docs/x.md", "x");
    git.git("push", "-q", "origin", "main");
    Decision d = planner.plan(repo(), pr("opened", 1, "trusty", "feature", head, false, null), "p1");
    assertThat(names(d)).containsExactly("default", "docs");
    RunIntent r = d.runs().get(0);
    assertThat(r.withSecrets()).isTrue();
    assertThat(r.checkoutSha()).isEqualTo(head);
    assertThat(r.context().event()).isEqualTo("pull_request");
    assertThat(r.context().jobType()).isEqualTo("presubmit");
    assertThat(r.context().pullNumber()).isEqualTo(1);
    assertThat(r.context().branch()).isEqualTo("feature");
    assertThat(r.context().baseRef()).isEqualTo("main");
    assertThat(r.context().changedPaths()).containsExactly("src/C.java");
    assertThat(r.context().pullTitle()).isEqualTo("zzz\";echo${IFS}\"hi\";#");

    assertThat(planner.plan(repo(), pr("closed", 1, "trusty", "feature", head, false, null), "p2").runs()).isEmpty();
  }

  @Test
  void forkPullRequestIsFetchedAndNeverGetsSecrets() throws Exception {
    kind = ProviderKind.GIT;
    GitFixture fork = git.fork(tmp, "fork");
    fork.git("checkout", "-q", "-b", "patch");
    String head = fork.commit("fork change", "src/F.java", "class F {}");
    fork.git("push", "-q", "origin", "patch");
    Decision d = planner.plan(repo(),
        pr("opened", 2, "trusty", "patch", head, true, fork.origin.toString()), "f1");
    assertThat(names(d)).containsExactly("default", "docs");
    assertThat(d.runs()).allMatch(r -> !r.withSecrets() && r.checkoutSha().equals(head));
    assertThat(planner.mirror(repo()).resolve(RepoMirror.forkRef(2))).contains(head);

    // Plain git has no API: a comment finds the head in the mirror's pull-request refs.
    d = planner.plan(repo(), comment(2, "trusty", "/test docs", 9), "f2");
    assertThat(names(d)).containsExactly("docs");
    assertThat(d.runs()).allMatch(r -> !r.withSecrets() && r.checkoutSha().equals(head));
  }

  @Test
  void hostileNamesTravelOnlyAsData() throws Exception {
    String hostile = "$(touch pwned)";
    kind = ProviderKind.GIT;
    GitFixture fork = git.fork(tmp, "fork");
    String head = fork.commit("x", "src/H.java", "class H {}");
    fork.git("push", "-q", "origin", "main");
    Decision d = planner.plan(repo(), pr("opened", 3, "trusty", hostile, head, true, fork.origin.toString()), "h1");
    assertThat(d.runs()).isEmpty();
    assertThat(d.notes()).anyMatch(n -> n.contains("unsafe"));

    kind = ProviderKind.GITHUB;
    git.git("push", "-q", "origin", head.equals(base) ? "main" : "main:refs/pull/4/head");
    String same = git.sha("main");
    d = planner.plan(repo(), pr("opened", 4, "trusty", hostile, same, false, null), "h2");
    assertThat(d.runs()).isNotEmpty().allMatch(r -> r.context().branch().equals(hostile));
    assertThat(tmp.resolve("pwned")).doesNotExist();
    assertThat(Path.of("pwned")).doesNotExist();
  }

  @Test
  void untrustedAuthorWaitsForOkToTestBoundToTheHead() throws Exception {
    String head = pullRequestBranch("outsider", 5, "src/D.java", "class D {}");
    Decision d = planner.plan(repo(), pr("opened", 5, "stranger", "outsider", head, false, null), "u1");
    assertThat(d.runs()).isEmpty();
    assertThat(d.replies()).singleElement().satisfies(r -> {
      assertThat(r.number()).isEqualTo(5);
      assertThat(r.marker()).isEqualTo("needs-ok-to-test");
      assertThat(r.body()).contains("/ok-to-test", head);
    });

    d = planner.plan(repo(), comment(5, "alice", "Reviewed.\n/ok-to-test", 100), "u2");
    assertThat(names(d)).containsExactly("default", "docs");
    assertThat(d.runs()).allMatch(r -> r.checkoutSha().equals(head) && r.context().event().equals("comment"));
    assertThat(gates.isApproved(7, 5, head)).isTrue();

    d = planner.plan(repo(), pr("reopened", 5, "stranger", "outsider", head, false, null), "u3");
    assertThat(names(d)).containsExactly("default", "docs");

    git.git("checkout", "-q", "outsider");
    String next = git.commit("more", "src/E.java", "class E {}");
    git.git("push", "-q", "origin", "outsider", "HEAD:refs/pull/5/head");
    d = planner.plan(repo(), pr("synchronize", 5, "stranger", "outsider", next, false, null), "u4");
    assertThat(d.runs()).isEmpty();
    assertThat(d.replies()).extracting(Reply::marker).containsExactly("needs-ok-to-test");
    assertThat(d.cancels()).extracting(CancelRequest::pipeline)
        .contains("default", "docs", "integration", "release");
    assertThat(d.cancels()).allMatch(c -> c.pullNumber() == 5);
  }

  @Test
  void ownersOfThePullRequestItselfDoNotCount() throws Exception {
    String head = pullRequestBranch("sneaky", 6, "OWNERS", "approvers: [alice, mallory]\n");
    Decision d = planner.plan(repo(), pr("opened", 6, "mallory", "sneaky", head, false, null), "o1");
    assertThat(d.runs()).isEmpty();
    assertThat(d.replies()).extracting(Reply::marker).containsExactly("needs-ok-to-test");
    d = planner.plan(repo(), pr("opened", 6, "alice", "sneaky", head, false, null), "o2");
    assertThat(names(d)).containsExactly("default", "docs");
  }

  @Test
  void holdBlocksRunsUntilUnhold() throws Exception {
    String head = pullRequestBranch("held", 7, "src/G.java", "class G {}");
    assertThat(planner.plan(repo(), comment(7, "trusty", "/hold", 1), "h1").runs()).isEmpty();
    assertThat(gates.heldBy(7, 7)).contains("trusty");
    assertThat(planner.plan(repo(), pr("opened", 7, "trusty", "held", head, false, null), "h2").runs()).isEmpty();
    assertThat(planner.plan(repo(), comment(7, "trusty", "/test all", 2), "h3").runs()).isEmpty();
    assertThat(planner.plan(repo(), comment(7, "trusty", "/unhold", 3), "h4").runs()).isEmpty();
    Decision d = planner.plan(repo(), comment(7, "trusty", "/test all", 4), "h5");
    assertThat(names(d)).containsExactly("default", "docs");
    assertThat(d.runs()).allMatch(RunIntent::withSecrets);
  }

  @Test
  void untrustedHoldIsIgnored() throws Exception {
    pullRequestBranch("h", 8, "src/G.java", "class G {}");
    Decision d = planner.plan(repo(), comment(8, "stranger", "/hold\n/ok-to-test", 55), "x");
    assertThat(gates.heldBy(7, 8)).isEmpty();
    assertThat(gates.isApproved(7, 8, git.sha("h"))).isFalse();
    assertThat(d.runs()).isEmpty();
    assertThat(d.replies()).singleElement().satisfies(r -> {
      assertThat(r.marker()).isEqualTo("untrusted-comment-55");
      assertThat(r.number()).isEqualTo(8);
    });
    assertThat(planner.plan(repo(), comment(8, "stranger", "just a remark", 56), "y").replies()).isEmpty();
  }

  @Test
  void testAllNamedAndCommentCommands() throws Exception {
    pullRequestBranch("t", 9, "src/T.java", "class T {}");
    assertThat(names(planner.plan(repo(), comment(9, "trusty", "/test all", 1), "a"))).containsExactly("default", "docs");
    assertThat(names(planner.plan(repo(), comment(9, "trusty", "/test integration", 2), "b"))).containsExactly("integration");
    assertThat(names(planner.plan(repo(), comment(9, "trusty", "/test release\n/test docs", 3), "c"))).containsExactly("docs", "release");
    Decision none = planner.plan(repo(), comment(9, "trusty", "/test nope", 4), "d");
    assertThat(none.runs()).isEmpty();
    assertThat(none.notes()).anyMatch(n -> n.contains("nope"));
  }

  @Test
  void retestRunsOnlyWhatFailedAtTheHead() throws Exception {
    String head = pullRequestBranch("r", 10, "src/R.java", "class R {}");
    record(10, "default", head, Status.Failed);
    record(10, "docs", head, Status.Succeeded);
    record(10, "release", "1".repeat(40), Status.Failed);
    record(10, "integration", head, Status.Failed);
    record(10, "integration", head, Status.Succeeded);
    Decision d = planner.plan(repo(), comment(10, "trusty", "/retest", 1), "r1");
    assertThat(names(d)).containsExactly("default");
  }

  private void record(int pr, String context, String sha, Status status) {
    long id = activities.create(new NewActivity("acme", "widget", "r", context, git.origin.toString(),
        sha, "m", "a", "t", pr, base, null, "native", "pull_request", 0, 0)).id();
    activities.updateActivity(id, status, Instant.now(), Instant.now(), "");
  }

  @Test
  void brokenPipelineIsANoteAndAReply() throws Exception {
    String head = pullRequestBranch("broken", 11, ".jx/pipelines/docs.yaml", "stages:\n  - name: d\n    stepz: []\n");
    Decision d = planner.plan(repo(), pr("opened", 11, "trusty", "broken", head, false, null), "b1");
    assertThat(names(d)).containsExactly("default");
    assertThat(d.notes()).anyMatch(n -> n.contains("docs") && n.contains("errors"));
    assertThat(d.replies()).singleElement().satisfies(r -> {
      assertThat(r.marker()).isEqualTo("pipeline-errors");
      assertThat(r.body()).containsPattern("\\.jx/pipelines/docs\\.yaml:\\d+:\\d+: error\\[JX\\d+\\]");
    });
  }

  @Test
  void theRepositoryCatalogIsReadAtTheCommit() throws Exception {
    String step = "kind: Step\nname: hello\nstep:\n  run: echo hello\n";
    String uses = "stages:\n  - name: s\n    steps:\n      - uses: hello\n";
    String without = git.commit("uses without catalog", ".jx/pipelines/docs.yaml", uses);
    String with = git.commit("catalog", ".jx/catalog/steps/hello.yaml", step);
    git.git("push", "-q", "origin", "main");
    Decision d = planner.plan(repo(), push("refs/heads/main", base, without), "c1");
    assertThat(names(d)).doesNotContain("docs");
    assertThat(d.notes()).anyMatch(n -> n.contains("docs") && n.contains("errors"));
    d = planner.plan(repo(), push("refs/heads/main", without, with), "c2");
    assertThat(names(d)).containsExactly("docs");
    assertThat(d.runs().get(0).pipeline().stages().get(0).steps().get(0).run()).contains("echo hello");
  }

  @Test
  void commentsOnClosedOrUnknownPullRequestsRunNothing() throws Exception {
    String head = pullRequestBranch("gone", 13, "src/Z.java", "class Z {}");
    provider.pulls.put(13, new io.jxengine.scm.PullRequestInfo(13, "closed", false, "t", "gone",
        head, "main", null, null, null));
    Decision closed = planner.plan(repo(), comment(13, "trusty", "/test all", 1), "g1");
    assertThat(closed.runs()).isEmpty();
    assertThat(closed.notes()).anyMatch(n -> n.contains("closed"));
    Decision unknown = planner.plan(repo(), comment(14, "trusty", "/test all", 2), "g2");
    assertThat(unknown.runs()).isEmpty();
    assertThat(unknown.notes()).anyMatch(n -> n.contains("404"));
  }

  @Test
  void commentsOnIssuesAndEditedCommentsDoNothing() throws Exception {
    GitEvent.Comment onIssue = new GitEvent.Comment(new RepoRef(kind, "acme", "widget"),
        git.origin.toString(), "created", 12, false, "/test all", "trusty", null, 1, null);
    assertThat(planner.plan(repo(), onIssue, "i").runs()).isEmpty();
    GitEvent.Comment edited = new GitEvent.Comment(new RepoRef(kind, "acme", "widget"),
        git.origin.toString(), "edited", 12, true, "/test all", "trusty", null, 1, null);
    assertThat(planner.plan(repo(), edited, "e").runs()).isEmpty();
    assertThat(Files.exists(tmp.resolve("mirrors"))).isFalse();
  }
}
