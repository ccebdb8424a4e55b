package io.jxengine.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.jxengine.kube.apply.ChartRenderer;
import io.jxengine.kube.apply.ResourceApplier;
import io.jxengine.store.SqliteEnvironmentStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jxe env apply} against fabric8's CRUD mock cluster: a chart (rendered with helm-java) and
 * plain manifests applied into the environment's namespace, versions recorded, removed objects and
 * applications pruned, and nothing applied from a repository with a broken manifest.
 */
@EnableKubernetesMockClient(crud = true)
class EnvApplierIT {
  KubernetesClient client;
  @TempDir Path tmp;
  Path repo;
  SqliteEnvironmentStore store;
  EnvApplier applier;

  @BeforeEach
  void setUp() throws IOException {
    repo = tmp.resolve("staging");
    store = SqliteEnvironmentStore.open(tmp.resolve("jxe.db"));
    applier = new EnvApplier(new ResourceApplier(client), new ChartRenderer(), store, Clock.systemUTC());
    write("env.yaml", "name: staging\nnamespace: jx-staging\nstrategy: Auto\n");
    write("apps/web.yaml", "chart: charts/web\nversion: 1.2.0\nvalues:\n  greeting: hi\n");
    write("charts/web/Chart.yaml", "apiVersion: v2\nname: web\nversion: 0.1.0\n");
    write("charts/web/templates/config.yaml", """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {{ .Release.Name }}
        data:
          version: {{ .Values.version | quote }}
          greeting: {{ .Values.greeting | quote }}
        """);
    write("apps/api.yaml", "manifests: true\nversion: v2.0.0\n");
    write("apps/api/manifests/all.yaml", """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: api
        data:
          version: "${VERSION}"
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: api
        spec:
          ports: [{port: 80}]
        """);
  }

  @AfterEach
  void tearDown() {
    store.close();
  }

  void write(String path, String text) throws IOException {
    Path file = repo.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void appliesChartsAndManifestsAndRecordsTheVersions() {
    EnvApplier.Outcome outcome = applier.apply(repo, "abc123");

    assertThat(outcome.ok()).isTrue();
    assertThat(outcome.applied()).containsEntry("web", 1).containsEntry("api", 2);
    assertThat(client.configMaps().inNamespace("jx-staging").withName("web").get().getData())
        .containsEntry("version", "1.2.0").containsEntry("greeting", "hi");
    assertThat(client.configMaps().inNamespace("jx-staging").withName("api").get().getData())
        .containsEntry("version", "2.0.0");
    assertThat(client.services().inNamespace("jx-staging").withName("api").get()).isNotNull();
    assertThat(store.deployments()).extracting(d -> d.app() + "@" + d.environment() + "=" + d.version())
        .containsExactly("api@staging=2.0.0", "web@staging=1.2.0");
  }

  @Test
  void prunesWhatWasRemovedFromTheRepository() throws IOException {
    applier.apply(repo, "abc123");
    write("apps/api/manifests/all.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: api\n");
    Files.delete(repo.resolve("apps/web.yaml"));

    EnvApplier.Outcome outcome = applier.apply(repo, "def456");

    assertThat(outcome.removed()).containsExactly("web");
    assertThat(client.services().inNamespace("jx-staging").withName("api").get()).isNull();
    assertThat(client.configMaps().inNamespace("jx-staging").withName("web").get()).isNull();
    assertThat(client.configMaps().inNamespace("jx-staging").withName("api").get()).isNotNull();
    assertThat(store.deployments()).extracting(Deployment::app).containsExactly("api");
  }

  @Test
  void aBrokenManifestAppliesNothing() throws IOException {
    write("apps/api/manifests/broken.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {}\n");

    EnvApplier.Outcome outcome = applier.apply(repo, "abc123");

    assertThat(outcome.ok()).isFalse();
    assertThat(outcome.diagnostics()).extracting(d -> d.code().id() + "@" + d.pos())
        .containsExactly("JX803@apps/api/manifests/broken.yaml:1:1");
    assertThat(client.configMaps().inNamespace("jx-staging").list().getItems()).isEmpty();
    assertThat(store.deployments()).isEmpty();
  }
}
