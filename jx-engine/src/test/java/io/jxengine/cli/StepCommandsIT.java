package io.jxengine.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.jxengine.release.ReleaseRepos.commit;
import static io.jxengine.release.ReleaseRepos.tag;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.jxengine.release.ReleaseRepos;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.RevTag;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code jxe step next-version|tag|changelog} on real repositories, in this JVM. */
class StepCommandsIT {
  record Run(int exit, String out, String err) {}

  @RegisterExtension
  static WireMockExtension gh =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  @TempDir Path tmp;
  Path dir;
  Git git;

  @BeforeEach
  void repository() throws Exception {
    dir = tmp.resolve("app");
    git = ReleaseRepos.init(dir);
    commit(git, "feat: first");
    tag(git, "v1.0.0");
    commit(git, "fix: a bug (#3)");
    commit(git, "feat(api): a feature");
  }

  private Run jxe(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var cmd = Main.commandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int exit = cmd.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void nextVersionFollowsTheCommits() {
    Run r = jxe("step", "next-version", "--dir", dir.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("1.1.0\n");
    assertThat(jxe("step", "next-version", "--dir", dir.toString()).out()).isEqualTo("1.1.0\n");
    assertThat(jxe("step", "next-version", "--dir", dir.toString(), "--override", "v3.0.0").out())
        .isEqualTo("3.0.0\n");
  }

  @Test
  void badInputIsOneLineAndExitOne() throws Exception {
    Run notSemver = jxe("step", "next-version", "--dir", dir.toString(), "--override", "3.0");
    assertThat(notSemver.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(notSemver.err()).startsWith("jxe: '3.0' is not a semantic version").doesNotContain("Exception");

    Files.createDirectories(tmp.resolve("plain"));
    Run notRepo = jxe("step", "next-version", "--dir", tmp.resolve("plain").toString());
    assertThat(notRepo.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(notRepo.err()).contains("is not inside a git repository");

    Run badTag = jxe("step", "tag", "--dir", dir.toString(), "--version", "next");
    assertThat(badTag.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(badTag.err()).contains("'next' is not a semantic version");
  }

  @Test
  void noTagsStartsAtZeroOneZero() throws Exception {
    Path fresh = tmp.resolve("fresh");
    try (Git g = ReleaseRepos.init(fresh)) {
      commit(g, "feat!: everything");
    }
    assertThat(jxe("step", "next-version", "--dir", fresh.toString()).out()).isEqualTo("0.1.0\n");
  }

  @Test
  void tagsAnnotatedAndPushesToTheRemote() throws Exception {
    Path remote = tmp.resolve("remote.git");
    Git.init().setBare(true).setDirectory(remote.toFile()).call().close();
    git.remoteAdd().setName("origin").setUri(new org.eclipse.jgit.transport.URIish(remote.toUri().toString())).call();

    Run r = jxe("step", "tag", "--dir", dir.toString(), "--version", "1.1.0", "--push");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("Tagged v1.1.0 on ").contains("pushed to origin");
    try (Git bare = Git.open(remote.toFile()); RevWalk walk = new RevWalk(bare.getRepository())) {
      Ref ref = bare.getRepository().exactRef(Constants.R_TAGS + "v1.1.0");
      assertThat(ref).isNotNull();
      RevTag annotated = walk.parseTag(ref.getObjectId());
      assertThat(annotated.getFullMessage()).isEqualTo("Release v1.1.0");
      assertThat(annotated.getObject()).isEqualTo(git.getRepository().resolve("HEAD"));
    }
    Run again = jxe("step", "tag", "--dir", dir.toString(), "--version", "1.1.0", "--push");
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.out()).startsWith("Already tagged v1.1.0");
  }

  @Test
  void refusesADirtyTreeAndATagOnAnotherCommit() throws Exception {
    Files.writeString(dir.resolve("log.txt"), "changed\n");
    Run dirty = jxe("step", "tag", "--dir", dir.toString(), "--version", "1.1.0");
    assertThat(dirty.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(dirty.err()).contains("uncommitted changes (log.txt)");
    assertThat(git.getRepository().exactRef(Constants.R_TAGS + "v1.1.0")).isNull();

    git.checkout().addPath("log.txt").call();
    Run taken = jxe("step", "tag", "--dir", dir.toString(), "--version", "1.0.0");
    assertThat(taken.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(taken.err()).contains("tag v1.0.0 already exists on commit");
  }

  @Test
  void pushToAMissingRemoteIsAClearError() {
    Run r = jxe("step", "tag", "--dir", dir.toString(), "--version", "1.1.0", "--push", "--remote", "nowhere");
    assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(r.err()).startsWith("jxe: cannot push v1.1.0 to nowhere");
  }

  @Test
  void changelogWritesGroupedNotesWithLinks() throws Exception {
    git.remoteAdd().setName("origin").setUri(new org.eclipse.jgit.transport.URIish("https://github.com/acme/app.git")).call();
    Path notes = tmp.resolve("out/notes.md");
    Run r = jxe("step", "changelog", "--dir", dir.toString(), "--version", "1.1.0", "-o", notes.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("2 commits since v1.0.0");
    String md = Files.readString(notes);
    assertThat(md).startsWith("## v1.1.0 (")
        .contains("### Features\n\n- **api:** a feature ([")
        .contains("### Bug Fixes\n\n- a bug ([")
        .contains("([#3](https://github.com/acme/app/pull/3))")
        .doesNotContain("first");
  }

  @Test
  void changelogAfterTaggingStartsAtThePreviousRelease() {
    jxe("step", "tag", "--dir", dir.toString(), "--version", "1.1.0");
    Run r = jxe("step", "changelog", "--dir", dir.toString());
    assertThat(r.out()).startsWith("## v1.1.0 (").contains("a feature").contains("a bug");
  }

  @Test
  void releaseCreatesTheProviderRelease() {
    gh.stubFor(get("/repos/acme/app").willReturn(okJson(
        "{\"id\": 1, \"name\": \"app\", \"full_name\": \"acme/app\", \"url\": \"" + gh.baseUrl() + "/repos/acme/app\"}")));
    gh.stubFor(get("/repos/acme/app/releases/tags/v1.1.0").willReturn(notFound()));
    gh.stubFor(post("/repos/acme/app/releases").willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"id\": 9, \"html_url\": \"https://github.com/acme/app/releases/tag/v1.1.0\"}")));

    Run r = jxe("step", "changelog", "--dir", dir.toString(), "--version", "1.1.0", "--release",
        "--provider", "github", "--api-url", gh.baseUrl(), "--repo", "acme/app", "-o", tmp.resolve("n.md").toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("Release v1.1.0: https://github.com/acme/app/releases/tag/v1.1.0");
    gh.verify(postRequestedFor(urlPathEqualTo("/repos/acme/app/releases"))
        .withRequestBody(matchingJsonPath("$.tag_name", equalTo("v1.1.0")))
        .withRequestBody(matchingJsonPath("$.body", equalTo(tmpRead("n.md")))));
  }

  @Test
  void providerErrorsAreOneLineAndExitOne() {
    gh.stubFor(get("/repos/acme/app").willReturn(aResponse().withStatus(502).withBody("bad gateway")));
    Run r = jxe("step", "changelog", "--dir", dir.toString(), "--version", "1.1.0", "--release",
        "--provider", "github", "--api-url", gh.baseUrl(), "--repo", "acme/app", "-o", tmp.resolve("n.md").toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(r.err()).startsWith("jxe: cannot create the release of v1.1.0:").contains("HTTP 502");

    Run noProvider = jxe("step", "changelog", "--dir", dir.toString(), "--version", "1.1.0", "--release");
    assertThat(noProvider.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(noProvider.err()).contains("--release needs a GitHub or GitLab repository");
  }

  private String tmpRead(String name) {
    try {
      return Files.readString(tmp.resolve(name));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
