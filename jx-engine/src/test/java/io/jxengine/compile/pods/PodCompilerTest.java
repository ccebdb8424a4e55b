package io.jxengine.compile.pods;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.jxengine.compile.tekton.TektonOptions;
import io.jxengine.engine.RunContext;
import io.jxengine.model.Pipeline;
import io.jxengine.parse.LoadResult;
import io.jxengine.parse.PipelineLoader;
import io.jxengine.catalog.Catalog;
import org.junit.jupiter.api.Test;

class PodCompilerTest {
  private static final RunContext PUSH =
      new RunContext("acme", "web", "main", null, "push", "https://example.com/a.git", "abc", "m", "d",
          null, "$(TOKEN)", null, null, "", "postsubmit", null);

  private static Pipeline load(String yaml) {
    LoadResult r = new PipelineLoader(Catalog.empty()).loadString(yaml, "pipeline.yaml", "release");
    assertThat(r.diagnostics()).noneMatch(d -> d.isError());
    return r.effective();
  }

  private final Pipeline pipeline =
      load("""
          secrets:
            - {env: TOKEN, secret: ci, key: token}
          stages:
            - name: build
              steps:
                - {name: one, run: echo 1}
                - {name: two, run: echo 2}
                - {name: three, run: echo 3}
            - name: test
              steps:
                - {name: only, run: "#!/bin/bash -eu\\necho hi"}
          """);

  @Test
  void onePodPerStageAfterTheClonePodWithStepsInOrder() {
    PodsResult r = new PodCompiler().compile(pipeline, PUSH, 4, TektonOptions.defaults());
    assertThat(r.pods()).extracting(p -> p.getMetadata().getName())
        .containsExactly("acme-web-main-4-jx-clone", "acme-web-main-4-build", "acme-web-main-4-test");
    Pod build = r.pods().get(1);
    assertThat(build.getSpec().getRestartPolicy()).isEqualTo("Never");
    assertThat(build.getSpec().getInitContainers()).extracting(Container::getName).containsExactly("one", "two");
    assertThat(build.getSpec().getContainers()).extracting(Container::getName).containsExactly("three");
    assertThat(build.getMetadata().getAnnotations()).containsEntry(PodCompiler.RUN_AFTER, "acme-web-main-4-jx-clone");
    assertThat(r.pods().get(2).getMetadata().getAnnotations()).containsEntry(PodCompiler.RUN_AFTER, "acme-web-main-4-build");
    assertThat(build.getSpec().getVolumes().get(0).getPersistentVolumeClaim().getClaimName())
        .isEqualTo(r.claim().getMetadata().getName());
  }

  @Test
  void secretsAreReferencesAndRunValuesAreEscaped() {
    PodsResult r = new PodCompiler().compile(pipeline, PUSH, 4, TektonOptions.defaults());
    Container one = r.pods().get(1).getSpec().getInitContainers().get(0);
    assertThat(one.getEnv()).filteredOn(e -> e.getName().equals("TOKEN")).singleElement()
        .satisfies(e -> {
          assertThat(e.getValue()).isNull();
          assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo("ci");
        });
    assertThat(one.getEnv()).filteredOn(e -> e.getName().equals("JX_PULL_TITLE")).singleElement()
        .satisfies(e -> assertThat(e.getValue()).isEqualTo("$$(TOKEN)"));
    assertThat(one.getSecurityContext().getRunAsNonRoot()).isTrue();
  }

  @Test
  void aShebangNamesTheInterpreter() {
    assertThat(PodCompiler.command("#!/bin/bash -eu\necho hi")).containsExactly("/bin/bash", "-c", "#!/bin/bash -eu\necho hi");
    assertThat(PodCompiler.command("echo hi")).containsExactly("/bin/sh", "-c", "set -e\necho hi");
    assertThat(PodCompiler.command("#!/busybox/sh")).first().isEqualTo("/busybox/sh");
  }

  @Test
  void globsAreDecidedBeforeSubmitting() {
    Pipeline p = load("""
        stages:
          - name: a
            steps: [{run: a}]
          - name: b
            when: {branch: [main]}
            steps: [{run: b}]
          - name: c
            when: {branch: [develop]}
            steps: [{run: c}]
        """);
    PodsResult r = new PodCompiler().compile(p, PUSH, 1, TektonOptions.defaults());
    assertThat(r.skipped()).extracting(s -> s.stage()).containsExactly("c");
    assertThat(r.pods()).hasSize(3);
  }

  @Test
  void listsOfPodsComeBackAsOneYamlStream() {
    String yaml = PodCompiler.yaml(new PodCompiler().compile(pipeline, PUSH, 4, TektonOptions.defaults()));
    assertThat(yaml).startsWith("apiVersion: v1\nkind: PersistentVolumeClaim").contains("---\napiVersion: v1\nkind: Pod");
  }
}
