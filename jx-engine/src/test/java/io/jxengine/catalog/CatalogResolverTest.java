package io.jxengine.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.jxengine.diag.Diagnostics;
import io.jxengine.model.EnvVar;
import io.jxengine.model.Pipeline;
import io.jxengine.model.Stage;
import io.jxengine.model.Step;
import io.jxengine.parse.PipelineParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogResolverTest {
  @TempDir Path dir;
  private Catalog catalog;
  private final Diagnostics diags = new Diagnostics();

  @BeforeEach
  void catalog() throws Exception {
    Files.createDirectories(dir.resolve("steps"));
    Files.createDirectories(dir.resolve("stages"));
    Files.writeString(
        dir.resolve("steps/build.yaml"),
        """
        kind: Step
        params:
          - name: goals
            default: verify
          - name: extra-args
        step:
          image: maven:3
          dir: app
          timeout: 10m
          retries: 1
          env: {A: "1", B: "2"}
          run: mvn $PARAM_GOALS
        """);
    Files.writeString(
        dir.resolve("stages/ci.yaml"),
        """
        kind: Stage
        params: [{name: level, default: unit}]
        stage:
          image: node:20
          env: {X: "1", Y: "2"}
          timeout: 5m
          steps:
            - name: one
              run: echo one
            - uses: build
              with: {extra-args: -q}
          post:
            always: [{run: echo bye}]
        """);
    catalog = Catalog.load(List.of(dir), diags);
    assertThat(diags.isEmpty()).isTrue();
  }

  private Pipeline resolve(String yaml) {
    Pipeline p = new PipelineParser().parse(yaml, "p.yaml", "default").pipeline();
    return new CatalogResolver().resolve(p, catalog, diags);
  }

  private static java.util.Map<String, String> env(List<EnvVar> env) {
    return env.stream().collect(Collectors.toMap(EnvVar::name, EnvVar::value));
  }

  @Test
  void stepTakesTheEntryWithOverridesFieldByField() {
    Pipeline p =
        resolve(
            """
            stages:
              - name: s
                steps:
                  - uses: build
                    with: {extra-args: -X}
                  - uses: build
                    name: quick
                    image: maven:4
                    timeout: 1m
                    retries: 3
                    env: {B: over, C: new}
                    with: {goals: package, extra-args: -q}
            """);
    assertThat(diags.isEmpty()).isTrue();
    Step plain = p.stages().get(0).steps().get(0);
    assertThat(plain.name()).isEqualTo("build");
    assertThat(plain.run()).isEqualTo("mvn $PARAM_GOALS");
    assertThat(plain.image()).isEqualTo("maven:3");
    assertThat(plain.dir()).isEqualTo("app");
    assertThat(plain.timeout()).isEqualTo(Duration.ofMinutes(10));
    assertThat(plain.retries()).isEqualTo(1);
    assertThat(plain.uses().ref()).isEqualTo("build");
    assertThat(env(plain.env())).containsEntry("PARAM_GOALS", "verify").containsEntry("PARAM_EXTRA_ARGS", "-X");
    assertThat(plain.pos().file()).isEqualTo("p.yaml");

    Step quick = p.stages().get(0).steps().get(1);
    assertThat(quick.name()).isEqualTo("quick");
    assertThat(quick.image()).isEqualTo("maven:4");
    assertThat(quick.timeout()).isEqualTo(Duration.ofMinutes(1));
    assertThat(quick.retries()).isEqualTo(3);
    assertThat(quick.env()).extracting(EnvVar::name).containsExactly("A", "B", "PARAM_GOALS", "PARAM_EXTRA_ARGS", "C");
    assertThat(env(quick.env())).containsEntry("B", "over").containsEntry("PARAM_GOALS", "package");
  }

  @Test
  void stageTakesTheEntryAndKeepsTheUsersNameNeedsAndWhen() {
    Pipeline p =
        resolve(
            """
            stages:
              - name: first
                steps: [{run: x}]
              - name: check
                needs: [first]
                when: {branch: [main]}
                env: {Y: mine}
                uses: ci
            """);
    assertThat(diags.sorted()).isEmpty();
    Stage s = p.stages().get(1);
    assertThat(s.name()).isEqualTo("check");
    assertThat(s.needs()).extracting(n -> n.name()).containsExactly("first");
    assertThat(s.when().branches()).containsExactly("main");
    assertThat(s.image()).isEqualTo("node:20");
    assertThat(s.timeout()).isEqualTo(Duration.ofMinutes(5));
    assertThat(env(s.env())).containsEntry("X", "1").containsEntry("Y", "mine").containsEntry("PARAM_LEVEL", "unit");
    assertThat(s.steps()).extracting(Step::name).containsExactly("one", "build");
    assertThat(s.steps()).allSatisfy(st -> assertThat(st.run()).isNotNull());
    assertThat(s.steps().get(1).pos().file()).endsWith("ci.yaml");
    assertThat(s.post().always()).hasSize(1);
    assertThat(s.uses().ref()).isEqualTo("ci");
  }

  @Test
  void problemsAreReportedWithFieldPaths() {
    resolve(
        """
        stages:
          - name: s
            steps:
              - uses: biuld
              - uses: build
                with: {gaols: x}
              - uses: ci
          - name: t
            uses: build
        """);
    assertThat(diags.sorted())
        .extracting(d -> d.code().id() + " " + d.field())
        .containsExactly(
            "JX301 stages[0].steps[0].uses",
            "JX303 stages[0].steps[1].with",
            "JX302 stages[0].steps[1].with.gaols",
            "JX305 stages[0].steps[2].uses",
            "JX305 stages[1].uses");
    assertThat(diags.sorted().get(0).hint()).contains("`build`");
  }
}
