package io.jxengine.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.jxengine.diag.Diagnostic;
import io.jxengine.model.Pipeline;
import io.jxengine.model.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineParserTest {
  private final PipelineParser parser = new PipelineParser();

  private ParseResult parse(String yaml) {
    return parser.parse(yaml, "p.yaml", "default");
  }

  private static List<String> codes(ParseResult r) {
    return r.diagnostics().stream().map(d -> d.code().id()).toList();
  }

  @Test
  void readsAFullPipelineWithPositions() {
    ParseResult r =
        parse(
            """
            name: release
            image: maven:3
            env:
              PORT: 8080
              DEBUG: true
            options:
              timeout: 1h30m
              concurrency: 2
            stages:
              - name: build
                steps:
                  - run: mvn package
                  - name: test
                    run: mvn test
                    timeout: 90s
                    retries: 2
                    dir: service
            """);
    assertThat(r.diagnostics()).isEmpty();
    Pipeline p = r.pipeline();
    assertThat(p.name()).isEqualTo("release");
    assertThat(p.env()).extracting(e -> e.name() + "=" + e.value()).containsExactly("PORT=8080", "DEBUG=true");
    assertThat(p.timeout()).isEqualTo(Duration.ofMinutes(90));
    assertThat(p.concurrency()).isEqualTo(2);
    Step first = p.stages().get(0).steps().get(0);
    assertThat(first.name()).isEqualTo("step-1");
    assertThat(first.pos().line()).isEqualTo(12);
    assertThat(first.pos().column()).isEqualTo(9);
    Step second = p.stages().get(0).steps().get(1);
    assertThat(second.timeout()).isEqualTo(Duration.ofSeconds(90));
    assertThat(second.retries()).isEqualTo(2);
    assertThat(second.dir()).isEqualTo("service");
    assertThat(p.stages().get(0).needs()).isNull();
  }

  @Test
  void defaultsTheNameAndNamesCatalogStepsAfterTheirEntry() {
    ParseResult r = parse("stages:\n  - name: a\n    steps:\n      - uses: git-clone\n        with: {url: x}\n");
    assertThat(r.pipeline().name()).isEqualTo("default");
    Step s = r.pipeline().stages().get(0).steps().get(0);
    assertThat(s.name()).isEqualTo("git-clone");
    assertThat(s.uses().with()).containsEntry("url", "x");
    assertThat(s.run()).isNull();
  }

  @Test
  void unknownKeyGetsADidYouMeanHint() {
    ParseResult r = parse("stages:\n  - name: a\n    stpes:\n      - run: x\n");
    Diagnostic d = r.diagnostics().stream().filter(x -> x.code().id().equals("JX101")).findFirst().orElseThrow();
    assertThat(d.hint()).contains("`steps`");
    assertThat(d.field()).isEqualTo("stages[0].stpes");
    assertThat(d.pos().line()).isEqualTo(3);
    assertThat(d.pos().column()).isEqualTo(5);
  }

  @Test
  void collectsEveryMistakeInOnePass() {
    ParseResult r =
        parse(
            """
            options:
              concurrency: 0
            stages:
              - name: a
                steps:
                  - run: x
                    retries: abc
                    timeout: 10 minutes
                  - run: y
                    uses: z
                  - image: alpine
                env: [a]
              - steps: foo
            """);
    assertThat(codes(r)).containsExactlyInAnyOrder("JX111", "JX102", "JX107", "JX105", "JX104", "JX102", "JX103", "JX102");
    assertThat(r.pipeline()).isNotNull();
  }

  @Test
  void duplicateKeysAreReportedAtTheSecond() {
    ParseResult r = parse("name: a\nname: b\nstages: []\n");
    assertThat(codes(r)).containsExactly("JX004");
    assertThat(r.diagnostics().get(0).pos().line()).isEqualTo(2);
    assertThat(r.pipeline().name()).isEqualTo("a");
  }

  @Test
  void malformedYamlIsOneDiagnosticWithoutJavaNames() {
    ParseResult r = parse("stages:\n  - name: a\n   steps: [\n");
    assertThat(r.pipeline()).isNull();
    assertThat(codes(r)).containsExactly("JX003");
    assertThat(r.diagnostics().get(0).message()).doesNotContain("Exception").doesNotContain("org.yaml");
    assertThat(r.diagnostics().get(0).pos().line()).isGreaterThan(1);
  }

  @Test
  void emptyAndCommentOnlyFilesAreJX005() {
    assertThat(codes(parse(""))).containsExactly("JX005");
    assertThat(codes(parse("# nothing\n"))).containsExactly("JX005");
  }

  @Test
  void rootMustBeAMapping() {
    ParseResult r = parse("- a\n- b\n");
    assertThat(r.pipeline()).isNull();
    assertThat(codes(r)).containsExactly("JX102");
  }

  @Test
  void billionLaughsIsRefused() {
    StringBuilder y = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
    for (char c = 'b'; c <= 'k'; c++) {
      char p = (char) (c - 1);
      y.append(c).append(": &").append(c).append(" [");
      y.append(String.join(", ", java.util.Collections.nCopies(9, "*" + p)));
      y.append("]\n");
    }
    ParseResult r = parse(y.toString());
    assertThat(codes(r)).containsExactly("JX003");
  }

  @Test
  void tooLargeFileIsNotRead(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("big.yaml");
    Files.writeString(f, "# " + "x".repeat((int) PipelineParser.MAX_BYTES) + "\n");
    ParseResult r = parser.parseFile(f, "big.yaml", "default");
    assertThat(codes(r)).containsExactly("JX002");
    assertThat(r.pipeline()).isNull();
  }

  @Test
  void missingFileIsJX001(@TempDir Path dir) {
    assertThat(codes(parser.parseFile(dir.resolve("none.yaml"), "none.yaml", "default"))).containsExactly("JX001");
  }

  @Test
  void valueChecksPointAtTheValue() {
    ParseResult r =
        parse(
            """
            triggers:
              push:
                branches: ["[main"]
              cron:
                - schedule: "61 * * * *"
                - branch: main
            stages:
              - name: a
                when:
                  event: [pusj]
                steps:
                  - run: x
                    dir: ../up
            """);
    assertThat(codes(r)).containsExactlyInAnyOrder("JX108", "JX109", "JX103", "JX106", "JX112");
    Diagnostic event = r.diagnostics().stream().filter(d -> d.code().id().equals("JX106")).findFirst().orElseThrow();
    assertThat(event.field()).isEqualTo("stages[0].when.event[0]");
    assertThat(event.hint()).contains("`push`");
    assertThat(event.pos().line()).isEqualTo(10);
  }

  @Test
  void readsTriggersWhenSecretsAndPost() {
    ParseResult r =
        parse(
            """
            secrets:
              - {env: TOKEN, secret: gh, key: token}
              - {env: ONLY}
            triggers:
              push:
              pull_request: {branches: [main]}
              comment: [/test]
              cron: [{schedule: "@daily", branch: main}]
            stages:
              - name: a
                needs: []
                when: {branch: ["release/*"], event: [push, tag]}
                steps: [{run: x}]
                post:
                  always: [{run: y}]
            post:
              failure: [{run: z}]
            """);
    assertThat(codes(r)).containsExactly("JX103", "JX103");
    Pipeline p = r.pipeline();
    assertThat(p.secrets()).hasSize(1);
    assertThat(p.triggers().push().branches()).isEmpty();
    assertThat(p.triggers().pullRequest().branches()).containsExactly("main");
    assertThat(p.triggers().comments()).containsExactly("/test");
    assertThat(p.triggers().cron().get(0).branch()).isEqualTo("main");
    assertThat(p.stages().get(0).needs()).isEmpty();
    assertThat(p.isDag()).isTrue();
    assertThat(p.stages().get(0).when().events()).containsExactly("push", "tag");
    assertThat(p.stages().get(0).post().always().get(0).name()).isEqualTo("post-always-1");
    assertThat(p.post().failure().get(0).name()).isEqualTo("post-failure-1");
  }
}
