package io.jxengine.server.repos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PostReceiveHookTest {
  @Test
  void quotesValuesForTheShell() {
    assertThat(PostReceiveHook.shq("plain")).isEqualTo("'plain'");
    assertThat(PostReceiveHook.shq("it's $(x)")).isEqualTo("'it'\\''s $(x)'");
  }

  @Test
  void scriptQuotesPathsAndKeepsTheTokenOffCommandLines() {
    String script =
        new PostReceiveHook("/usr/bin/curl", "/opt/jdk/bin/java")
            .script(
                42,
                "ab12",
                null,
                Path.of("/home/o'neil/.jxe/server.url"),
                Path.of("/srv/r.git/hooks/post-receive.jxe-chained"),
                Path.of("/srv/r.git/hooks/jxe-post-receive.java"));

    assertThat(script)
        .startsWith("#!/bin/sh\n")
        .contains(PostReceiveHook.MARKER)
        .contains("JXE_REPO_ID=42\n")
        .contains("JXE_TOKEN='ab12'\n")
        .contains("JXE_SERVER_URL=''\n")
        .contains("JXE_SERVER_URL_FILE='/home/o'\\''neil/.jxe/server.url'\n")
        .contains("/hook/git/$JXE_REPO_ID")
        .contains("-m 5")
        .doesNotContain("-H \"X-Jxe-Token");
    // The token reaches curl through a config on fd 3 and Java through the environment.
    assertThat(script).contains("header = \"X-Jxe-Token: $JXE_TOKEN\"").contains("JXE_TOKEN=\"$JXE_TOKEN\" \"$JXE_JAVA\"");
  }

  @Test
  void aFixedServerUrlIsNormalised() {
    String script =
        new PostReceiveHook(null, "java")
            .script(1, "t", "http://127.0.0.1:8080/", Path.of("/h/server.url"), Path.of("/c"), Path.of("/p"));
    assertThat(script).contains("JXE_SERVER_URL='http://127.0.0.1:8080'\n").contains("JXE_CURL=''\n");
  }
}
