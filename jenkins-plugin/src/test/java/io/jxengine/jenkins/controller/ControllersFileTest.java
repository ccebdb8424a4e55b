package io.jxengine.jenkins.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControllersFileTest {
  @TempDir Path home;

  @Test
  void aMissingFileIsAnEmptyConfigurationWithDefaults() {
    ControllersFile.Config config = ControllersFile.in(home).load();

    assertThat(config.controllers()).isEmpty();
    assertThat(config.syncInterval()).isEqualTo(ControllersFile.DEFAULT_INTERVAL);
    assertThat(config.maxBuilds()).isEqualTo(ControllersFile.DEFAULT_MAX_BUILDS);
  }

  @Test
  void savedConfigurationReadsBackTheSame() {
    ControllersFile file = ControllersFile.in(home);
    ControllersFile.Config config = new ControllersFile.Config(Duration.ofSeconds(90), 5, List.of(
        Controller.of("ci", "https://jenkins.example.com/sub", "alice", "jenkins-ci/token",
            List.of("team/**"))));

    file.save(config);

    ControllersFile.Config read = file.load();
    assertThat(read).isEqualTo(config);
    assertThat(read.controllers().get(0).url().toString())
        .isEqualTo("https://jenkins.example.com/sub/");
  }

  @Test
  void wrongFieldsAreOneLineNamingTheFileAndTheField() throws Exception {
    assertThat(error("controllers:\n  - {name: ci, url: 'file:///etc', user: a, tokenSecret: s/k}\n"))
        .contains("controllers.yaml").contains("url `file:///etc`");
    assertThat(error("controllers:\n  - {name: ci, url: 'http://j/', user: a, tokenSecret: plain-token}\n"))
        .contains("<secret>/<key>");
    assertThat(error("syncInterval: 1s\n")).contains("syncInterval");
    assertThat(error("maxBuilds: 0\n")).contains("maxBuilds");
    assertThat(error("controllers: [\n")).contains("controllers.yaml:").contains("not valid YAML");
    assertThat(error("controllers:\n  - {name: ci, url: 'http://j/', user: a, tokenSecret: s/k}\n"
        + "  - {name: ci, url: 'http://k/', user: a, tokenSecret: s/k}\n")).contains("twice");
  }

  @Test
  void controllerNamesAndUrlsAreChecked() {
    assertThatThrownBy(() -> Controller.of("../x", "http://j/", "a", "s/k", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Controller.of("ci", "http://user:pw@j/", "a", "s/k", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Controller.of("ci", "http://j/?x=1", "a", "s/k", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Controller.of("ci", "http://j/", "a:b", "s/k", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Controller.of("ci", "http://j:8080", "a", "s/k", List.of()).url().toString())
        .isEqualTo("http://j:8080/");
  }

  private String error(String yaml) throws Exception {
    Path file = home.resolve("jenkins/controllers.yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, yaml);
    try {
      ControllersFile.in(home).load();
    } catch (ControllersFile.ConfigException e) {
      assertThat(e.getMessage()).doesNotContain("\n");
      return e.getMessage();
    }
    throw new AssertionError("no error for " + yaml);
  }
}
