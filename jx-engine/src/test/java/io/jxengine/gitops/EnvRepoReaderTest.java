package io.jxengine.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import io.jxengine.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvRepoReaderTest {
  @TempDir Path dir;

  void write(String path, String text) throws IOException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  void validEnv() throws IOException {
    write("env.yaml", "name: staging\nnamespace: jx-staging\nstrategy: Auto\ncluster: \"\"\n");
  }

  static List<String> where(EnvRepo repo) {
    return repo.diagnostics().stream().map(d -> d.code().id() + "@" + d.pos()).toList();
  }

  @Test
  void readsSettingsChartsAndManifestApplications() throws IOException {
    validEnv();
    write("apps/web.yaml", "chart: web\nrepository: https://charts.example.com\nversion: 1.2.3\nvalues:\n  replicas: 2\n");
    write("apps/api.yaml", "manifests: true\nversion: v2.0.0\n");
    write("apps/api/manifests/deploy.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: api\ndata:\n  v: \"${VERSION}\"\n"
        + "---\napiVersion: v1\nkind: Service\nmetadata:\n  name: api\n");

    EnvRepo repo = EnvRepoReader.read(dir);

    assertThat(repo.diagnostics()).isEmpty();
    assertThat(repo.settings()).isEqualTo(new EnvSettings("staging", "jx-staging", PromotionStrategy.Auto, ""));
    assertThat(repo.apps()).extracting(AppSpec::name).containsExactly("api", "web");
    assertThat(repo.app("web").orElseThrow().values()).containsEntry("replicas", 2);
    assertThat(repo.app("web").orElseThrow().versionPos().line()).isEqualTo(3);
    var api = repo.app("api").orElseThrow();
    List<Manifests.Rendered> objects = Manifests.read(dir, api, new io.jxengine.diag.Diagnostics());
    assertThat(objects).hasSize(2);
    assertThat(objects.get(0).object()).extracting("data").isEqualTo(java.util.Map.of("v", "2.0.0"));
    assertThat(objects.get(1).pos().line()).isEqualTo(8);
  }

  @Test
  void theTemplateIsAValidEnvironmentOnceFilledIn() throws IOException {
    for (Path f : Files.walk(EnvFixture.TEMPLATE).filter(Files::isRegularFile).toList()) {
      write(EnvFixture.TEMPLATE.relativize(f).toString(), Files.readString(f)
          .replace("${ENV_NAME}", "staging").replace("${ENV_NAMESPACE}", "jx-staging")
          .replace("${ENV_STRATEGY}", "Manual").replace("${ENV_CLUSTER}", ""));
    }
    EnvRepo repo = EnvRepoReader.read(dir);
    assertThat(repo.diagnostics()).isEmpty();
    assertThat(repo.settings().strategy()).isEqualTo(PromotionStrategy.Manual);
  }

  @Test
  void aBrokenManifestPointsAtItsDocument() throws IOException {
    validEnv();
    write("apps/api.yaml", "manifests: true\nversion: 1.0.0\n");
    write("apps/api/manifests/a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n---\n"
        + "apiVersion: v1\nmetadata:\n  name: nokind\n");
    write("apps/api/manifests/b.yaml", "apiVersion: v1\nkind: [unclosed\n");

    EnvRepo repo = EnvRepoReader.read(dir);

    assertThat(repo.hasErrors()).isTrue();
    assertThat(where(repo)).containsExactly("JX803@apps/api/manifests/a.yaml:6:1", "JX003@apps/api/manifests/b.yaml:3:1");
  }

  @Test
  void settingsAndApplicationMistakesAreDiagnostics() throws IOException {
    write("env.yaml", "name: Staging\nnamespace: jx-staging\nstrategy: Sometimes\nextra: 1\n");
    write("apps/web.yaml", "chart: web\nversion: 1.2\n");
    write("apps/empty.yaml", "version: 1.0.0\n");
    write("apps/both.yaml", "chart: x\nmanifests: true\nversion: 1.0.0\n");
    write("apps/Bad_Name.yaml", "chart: x\nversion: 1.0.0\n");

    EnvRepo repo = EnvRepoReader.read(dir);

    assertThat(repo.settings()).isNull();
    assertThat(where(repo)).containsExactlyInAnyOrder(
        "JX106@env.yaml:1:7", "JX106@env.yaml:3:11", "JX101@env.yaml:4:1",
        "JX801@apps/web.yaml:2:10", "JX802@apps/empty.yaml:1:1", "JX105@apps/both.yaml:2:1",
        "JX106@apps/Bad_Name.yaml:1:1");
    assertThat(repo.diagnostics()).allMatch(Diagnostic::isError);
  }

  @Test
  void semverAcceptsReleasesAndRefusesTheRest() {
    assertThat(List.of("1.2.3", "v1.2.3", "0.0.1-rc.1+build.5", "10.20.30")).allMatch(SemVer::isValid);
    assertThat(List.of("1.2", "01.2.3", "1.2.3.4", "latest", "", "1.2.3-")).noneMatch(SemVer::isValid);
    assertThat(SemVer.normalize("v1.2.3")).isEqualTo("1.2.3");
  }

  @Test
  void versionEditChangesOnlyTheVersionValue() throws IOException {
    validEnv();
    write("apps/web.yaml", "# keep me\nchart: web\nversion: \"1.0.0\"   # pinned\nvalues: {a: 1}\n");

    VersionEdit.Result r = VersionEdit.setVersion(dir, "web", "1.1.0");

    assertThat(r.previous()).isEqualTo("1.0.0");
    assertThat(Files.readString(dir.resolve("apps/web.yaml")))
        .isEqualTo("# keep me\nchart: web\nversion: 1.1.0   # pinned\nvalues: {a: 1}\n");
  }
}
