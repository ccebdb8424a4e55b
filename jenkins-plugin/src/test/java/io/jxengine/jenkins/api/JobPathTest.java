package io.jxengine.jenkins.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobPathTest {
  @Test
  void goodNamesMakeUrlsAndFolderPaths() {
    JobPath p = JobPath.parse("tools/my job");
    assertThat(p.name()).isEqualTo("my job");
    assertThat(p.parent().fullName()).isEqualTo("tools");
    assertThat(p.urlPath()).isEqualTo("job/tools/job/my%20job/");
    assertThat(new JobStore(Path.of("/r")).dir(p)).isEqualTo(Path.of("/r/tools/jobs/my job"));
  }

  @Test
  void namesThatCouldLeaveTheirFolderAreRefused() {
    for (String bad : List.of("..", ".", "a\\b", "a:b", "x\u0000", "tab\tname", "nl\n", "", " x",
        "dot.", "a?b", "a%2e")) {
      assertThatThrownBy(() -> JobPath.checkName(bad)).as(bad)
          .isInstanceOfSatisfying(JenkinsApiException.class,
              e -> assertThat(e.status()).isEqualTo(400));
    }
    assertThatThrownBy(() -> JobPath.parse("a/../b")).isInstanceOf(JenkinsApiException.class);
    assertThatThrownBy(() -> JobPath.parse("a//b")).isInstanceOf(JenkinsApiException.class);
  }

  @Test
  void percentDecodingKeepsEncodedSlashesInsideTheirSegment() {
    assertThat(UrlSegments.split("/jenkins/job/a%2Fb/x")).containsExactly("jenkins", "job", "a/b", "x");
    assertThat(UrlSegments.decode("caf%C3%A9")).isEqualTo("café");
    assertThatThrownBy(() -> UrlSegments.decode("%zz")).isInstanceOf(JenkinsApiException.class);
    assertThatThrownBy(() -> UrlSegments.decode("%2")).isInstanceOf(JenkinsApiException.class);
  }
}
