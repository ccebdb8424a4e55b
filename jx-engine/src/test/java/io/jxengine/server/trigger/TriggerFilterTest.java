package io.jxengine.server.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import io.jxengine.catalog.Catalog;
import io.jxengine.diag.Code;
import io.jxengine.model.Pos;
import io.jxengine.compile.EffectiveYaml;
import io.jxengine.parse.LoadResult;
import io.jxengine.parse.PipelineLoader;
import io.jxengine.model.Triggers;
import java.util.List;
import org.junit.jupiter.api.Test;

class TriggerFilterTest {
  private static Triggers push(List<String> branches, List<String> tags, List<String> paths,
      List<String> ignore) {
    return new Triggers(new Triggers.Push(branches, tags, paths, ignore, Pos.UNKNOWN), null,
        List.of(), List.of(), Pos.UNKNOWN);
  }

  private static Triggers pr(List<String> branches, List<String> paths, List<String> ignore) {
    return new Triggers(null, new Triggers.PullRequest(branches, paths, ignore, Pos.UNKNOWN),
        List.of(), List.of(), Pos.UNKNOWN);
  }

  @Test
  void noTriggersBlockTakesEveryPushAndPullRequest() {
    assertThat(TriggerFilter.push(null, "feature/x", null, List.of("a"))).isTrue();
    assertThat(TriggerFilter.push(null, null, "v1", null)).isTrue();
    assertThat(TriggerFilter.pullRequest(null, "anything", List.of())).isTrue();
  }

  @Test
  void aBlockWithoutAKindDoesNotTakeThatKind() {
    Triggers onlyPr = pr(List.of(), List.of(), List.of());
    assertThat(TriggerFilter.push(onlyPr, "main", null, null)).isFalse();
    Triggers onlyPush = push(List.of(), List.of(), List.of(), List.of());
    assertThat(TriggerFilter.pullRequest(onlyPush, "main", null)).isFalse();
    Triggers onlyComment = new Triggers(null, null, List.of("/test x"), List.of(), Pos.UNKNOWN);
    assertThat(TriggerFilter.push(onlyComment, "main", null, null)).isFalse();
  }

  @Test
  void branchAndTagGlobs() {
    Triggers t = push(List.of("main", "release/*"), List.of("v*"), List.of(), List.of());
    assertThat(TriggerFilter.push(t, "main", null, null)).isTrue();
    assertThat(TriggerFilter.push(t, "release/1.2", null, null)).isTrue();
    assertThat(TriggerFilter.push(t, "release/1/2", null, null)).isFalse();
    assertThat(TriggerFilter.push(t, "feature", null, null)).isFalse();
    assertThat(TriggerFilter.push(t, null, "v1.0.0", null)).isTrue();
    assertThat(TriggerFilter.push(t, null, "nightly", null)).isFalse();
  }

  @Test
  void onlyBranchesLeavesTagsOutAndOnlyTagsLeavesBranchesOut() {
    Triggers branches = push(List.of("main"), List.of(), List.of(), List.of());
    assertThat(TriggerFilter.push(branches, null, "v1", null)).isFalse();
    Triggers tags = push(List.of(), List.of("v*"), List.of(), List.of());
    assertThat(TriggerFilter.push(tags, "main", null, null)).isFalse();
    assertThat(TriggerFilter.push(tags, null, "v2", null)).isTrue();
    Triggers neither = push(List.of(), List.of(), List.of(), List.of());
    assertThat(TriggerFilter.push(neither, "main", null, null)).isTrue();
    assertThat(TriggerFilter.push(neither, null, "v2", null)).isTrue();
  }

  @Test
  void pathsAndIgnorePaths() {
    Triggers src = push(List.of(), List.of(), List.of("src/**", "pom.xml"), List.of());
    assertThat(TriggerFilter.push(src, "main", null, List.of("docs/a.md", "src/x/Y.java"))).isTrue();
    assertThat(TriggerFilter.push(src, "main", null, List.of("pom.xml"))).isTrue();
    assertThat(TriggerFilter.push(src, "main", null, List.of("docs/a.md"))).isFalse();
    assertThat(TriggerFilter.push(src, "main", null, List.of())).isFalse();
    assertThat(TriggerFilter.push(src, "main", null, null)).as("unknown paths pass").isTrue();

    Triggers noDocs = push(List.of(), List.of(), List.of(), List.of("docs/**", "*.md"));
    assertThat(TriggerFilter.push(noDocs, "main", null, List.of("docs/a/b.txt", "README.md"))).isFalse();
    assertThat(TriggerFilter.push(noDocs, "main", null, List.of("docs/a.txt", "src/A.java"))).isTrue();

    Triggers both = push(List.of(), List.of(), List.of("src/**"), List.of("src/gen/**"));
    assertThat(TriggerFilter.push(both, "main", null, List.of("src/gen/X.java"))).isFalse();
    assertThat(TriggerFilter.push(both, "main", null, List.of("src/gen/X.java", "src/A.java"))).isTrue();
  }

  @Test
  void pathFiltersDoNotApplyToTags() {
    Triggers t = push(List.of(), List.of("v*"), List.of("src/**"), List.of());
    assertThat(TriggerFilter.push(t, null, "v1", List.of("docs/x"))).isTrue();
  }

  @Test
  void pullRequestBaseBranchesAndPaths() {
    Triggers t = pr(List.of("main"), List.of("src/**"), List.of());
    assertThat(TriggerFilter.pullRequest(t, "main", List.of("src/A.java"))).isTrue();
    assertThat(TriggerFilter.pullRequest(t, "develop", List.of("src/A.java"))).isFalse();
    assertThat(TriggerFilter.pullRequest(t, "main", List.of("README.md"))).isFalse();
  }

  @Test
  void commentCommandsCompareWhitespaceNormalised() {
    Triggers t = new Triggers(null, null, List.of("/test  integration"), List.of(), Pos.UNKNOWN);
    assertThat(TriggerFilter.comment(t, "/test integration")).isTrue();
    assertThat(TriggerFilter.comment(t, "/test integration-2")).isFalse();
    assertThat(TriggerFilter.comment(null, "/test integration")).isFalse();
  }

  private static LoadResult load(String yaml) {
    return new PipelineLoader(Catalog.empty()).loadString(yaml, "p.yaml", "p");
  }

  private static final String STAGES = "stages:\n  - name: b\n    steps:\n      - run: \"true\"\n";

  @Test
  void newerPushesCancelOlderBuildsUnlessThePipelineSaysNot() {
    assertThat(TriggerFilter.cancelsSuperseded(load(STAGES).effective())).isTrue();
    assertThat(TriggerFilter.cancelsSuperseded(
        load("triggers:\n  pull_request: {}\n" + STAGES).effective())).isTrue();
    LoadResult keep = load("triggers:\n  pull_request:\n    cancel_superseded: false\n" + STAGES);
    assertThat(keep.diagnostics()).isEmpty();
    assertThat(TriggerFilter.cancelsSuperseded(keep.effective())).isFalse();
    // the setting survives `jxe effective` and a re-parse
    String effective = EffectiveYaml.write(keep.effective());
    assertThat(effective).contains("cancel_superseded: false");
    assertThat(TriggerFilter.cancelsSuperseded(load(effective).effective())).isFalse();
  }

  @Test
  void cancelSupersededMustBeABoolean() {
    LoadResult bad = load("triggers:\n  pull_request:\n    cancel_superseded: sometimes\n" + STAGES);
    assertThat(bad.diagnostics()).extracting(d -> d.code()).contains(Code.WRONG_TYPE);
  }
}
