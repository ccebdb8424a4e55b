package io.jxengine.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.jxengine.kube.apply.ChartRenderException;
import io.jxengine.kube.apply.ChartRenderer;
import io.jxengine.kube.apply.ChartRepoServer;
import io.jxengine.kube.apply.ChartRepository;
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
 * {@code jxe env apply} of an application whose chart is in a Helm chart repository ({@code
 * repository:} + chart name + version), served over loopback HTTP, against fabric8's CRUD mock
 * cluster: applied at the listed version; a version the repository lacks applies nothing.
 */
@EnableKubernetesMockClient(crud = true)
class EnvApplierChartRepositoryIT {
  KubernetesClient client;
  @TempDir Path tmp;
  Path repo;
  SqliteEnvironmentStore store;
  ChartRepoServer charts;
  EnvApplier applier;

  @BeforeEach
  void setUp() throws IOException {
    charts = ChartRepoServer.start(tmp);
    repo = tmp.resolve("staging");
    store = SqliteEnvironmentStore.open(tmp.resolve("jxe.db"));
    applier = new EnvApplier(new ResourceApplier(client), new ChartRenderer(),
        new ChartRepository(tmp.resolve("charts")), store, Clock.systemUTC());
    write("env.yaml", "name: staging\nnamespace: jx-staging\nstrategy: Auto\n");
  }

  @AfterEach
  void tearDown() {
    store.close();
    charts.close();
  }

  void write(String path, String text) throws IOException {
    Path file = repo.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void appliesTheChartFromTheRepositoryAtTheListedVersion() throws IOException {
    write("apps/web.yaml", "chart: web\nrepository: " + charts.url() + "\nversion: 1.4.2\n");

    EnvApplier.Outcome outcome = applier.apply(repo, "abc123");

    assertThat(outcome.ok()).as(outcome.diagnostics().toString()).isTrue();
    assertThat(outcome.applied()).containsEntry("web", 1);
    ConfigMap cm = client.configMaps().inNamespace("jx-staging").withName("web").get();
    assertThat(cm.getData()).containsEntry("version", "1.4.2");
    assertThat(store.deployments()).anySatisfy(d -> assertThat(d.version()).isEqualTo("1.4.2"));
  }

  @Test
  void aVersionTheRepositoryLacksAppliesNothingAndNamesTheApplication() throws IOException {
    write("apps/web.yaml", "chart: web\nrepository: " + charts.url() + "\nversion: 2.0.0\n");

    assertThatThrownBy(() -> applier.apply(repo, "abc123"))
        .isInstanceOf(ChartRenderException.class).hasMessageContaining("application web")
        .hasMessageContaining("no such version");
    assertThat(client.configMaps().inNamespace("jx-staging").list().getItems()).isEmpty();
  }

  @Test
  void aRepositoryThatIsNotAnHttpUrlIsAnErrorAtItsLine() throws IOException {
    write("apps/web.yaml", "chart: web\nrepository: /srv/charts\nversion: 1.4.2\n");

    EnvApplier.Outcome outcome = applier.apply(repo, "abc123");

    assertThat(outcome.ok()).isFalse();
    assertThat(outcome.diagnostics()).anySatisfy(d -> {
      assertThat(d.code()).isEqualTo(io.jxengine.diag.Code.INVALID_VALUE);
      assertThat(d.pos().line()).isEqualTo(2);
    });
  }
}
