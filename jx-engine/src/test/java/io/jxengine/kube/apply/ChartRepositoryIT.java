package io.jxengine.kube.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Charts from a Helm chart repository served by a real loopback HTTP server ({@link
 * ChartRepoServer}: a test chart packaged into a {@code .tgz} with helm-java, an {@code
 * index.yaml} naming it with its digest): fetched, cached, rendered, and every refusal (digest,
 * size, version, URL scheme, names) with its reason.
 */
class ChartRepositoryIT {
  @TempDir Path tmp;
  ChartRepoServer repo;

  @BeforeEach
  void setUp() throws IOException {
    repo = ChartRepoServer.start(tmp);
  }

  @AfterEach
  void tearDown() {
    repo.close();
  }

  @Test
  void fetchesChecksCachesAndRendersTheChart() {
    ChartRepository charts = new ChartRepository(tmp.resolve("cache"));

    Path tgz = charts.fetch(repo.url(), "web", "1.4.2");
    String yaml = new ChartRenderer().render(new ChartRenderer.Request(tgz, "web", "jx-staging",
        Map.of("version", "1.4.2")));
    Path again = charts.fetch(repo.url() + "/", "web", "v1.4.2");

    assertThat(yaml).contains("kind: ConfigMap", "name: web", "version: \"1.4.2\"");
    assertThat(tgz).startsWith(tmp.resolve("cache")).hasBinaryContent(repo.archive());
    assertThat(again).isEqualTo(tgz);
    assertThat(repo.hits("/charts/web-1.4.2.tgz")).as("downloaded once, then cached").isEqualTo(1);
  }

  @Test
  void anArchiveWhoseDigestDiffersFromTheIndexIsRefusedAndNotCached() throws IOException {
    repo.index("web-1.4.2.tgz", "0".repeat(64));
    ChartRepository charts = new ChartRepository(tmp.resolve("cache"));

    assertThatThrownBy(() -> charts.fetch(repo.url(), "web", "1.4.2"))
        .isInstanceOf(ChartRenderException.class).hasMessageContaining("SHA-256");
    if (Files.exists(tmp.resolve("cache"))) {
      try (Stream<Path> files = Files.walk(tmp.resolve("cache"))) {
        assertThat(files.filter(Files::isRegularFile)).isEmpty();
      }
    }
  }

  @Test
  void anArchiveWithoutADigestInTheIndexIsUsed() {
    repo.index("web-1.4.2.tgz", "");

    assertThat(new ChartRepository(tmp.resolve("cache")).fetch(repo.url(), "web", "1.4.2"))
        .hasBinaryContent(repo.archive());
  }

  @Test
  void anArchiveOverTheSizeCapIsRefused() {
    ChartRepository charts = new ChartRepository(tmp.resolve("cache"), ChartRepository.MAX_INDEX_BYTES, 100);

    assertThatThrownBy(() -> charts.fetch(repo.url(), "web", "1.4.2"))
        .isInstanceOf(ChartRenderException.class).hasMessageContaining("larger than 100 bytes");
  }

  @Test
  void anUnknownVersionNamesTheKnownOnes() {
    assertThatThrownBy(() -> new ChartRepository(tmp.resolve("cache")).fetch(repo.url(), "web", "9.9.9"))
        .isInstanceOf(ChartRenderException.class).hasMessageContaining("no such version")
        .hasMessageContaining("1.4.1");
  }

  @Test
  void onlyHttpUrlsAndSafeNamesAreFetched() {
    repo.index("file:///etc/passwd", "");
    ChartRepository charts = new ChartRepository(tmp.resolve("cache"));

    assertThatThrownBy(() -> charts.fetch(repo.url(), "web", "1.4.2"))
        .isInstanceOf(ChartRenderException.class).hasMessageContaining("not an http(s) URL");
    assertThatThrownBy(() -> charts.fetch("file:///srv/charts", "web", "1.4.2"))
        .isInstanceOf(ChartRenderException.class).hasMessageContaining("not an http(s) URL");
    assertThatThrownBy(() -> charts.fetch(repo.url(), "../web", "1.4.2"))
        .isInstanceOf(ChartRenderException.class).hasMessageContaining("not a chart name");
    assertThatThrownBy(() -> charts.fetch(repo.url(), "web", "1.4.2/../../x"))
        .isInstanceOf(ChartRenderException.class).hasMessageContaining("not a chart version");
  }

  @Test
  void aMissingRepositoryIsItsHttpStatus() {
    assertThatThrownBy(() -> new ChartRepository(tmp.resolve("cache")).fetch(repo.url() + "/nope", "web", "1.4.2"))
        .isInstanceOf(ChartRenderException.class).hasMessageContaining("HTTP 404");
  }
}
