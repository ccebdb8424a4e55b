package io.jxengine.server.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import io.jxengine.scm.GitProvider;
import io.jxengine.scm.ProviderKind;
import io.jxengine.server.repos.Repository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class TrustPolicyTest {
  private final Repository repo = new Repository(1, ProviderKind.GITHUB, "acme", "widget",
      "https://github.com/acme/widget.git", null, null, "s", "main", List.of("Trusty"), null, null,
      Instant.EPOCH);
  private final FakeGitProvider provider = new FakeGitProvider();
  private final Supplier<Optional<String>> noOwners = Optional::empty;

  private boolean trusted(String user, String association, String owners, Optional<GitProvider> p) {
    return TrustPolicy.decide(repo, user, association, () -> Optional.ofNullable(owners), p).trusted();
  }

  @Test
  void trustedUsersOfTheRepository() {
    assertThat(trusted("trusty", null, null, Optional.empty())).isTrue();
    assertThat(trusted("stranger", null, null, Optional.empty())).isFalse();
  }

  @Test
  void githubAssociations() {
    for (String a : List.of("OWNER", "MEMBER", "COLLABORATOR", "member")) {
      assertThat(trusted("x", a, null, Optional.empty())).as(a).isTrue();
    }
    for (String a : List.of("CONTRIBUTOR", "FIRST_TIME_CONTRIBUTOR", "NONE")) {
      assertThat(trusted("x", a, null, Optional.empty())).as(a).isFalse();
    }
  }

  @Test
  void ownersFileOfTheDefaultBranch() {
    assertThat(trusted("alice", null, "reviewers: [alice]", Optional.empty())).isTrue();
    assertThat(trusted("bob", null, "reviewers: [alice]", Optional.empty())).isFalse();
  }

  @Test
  void ownersIsNotReadWhenCheaperRulesDecide() {
    Supplier<Optional<String>> explode = () -> {
      throw new AssertionError("OWNERS read");
    };
    assertThat(TrustPolicy.decide(repo, "trusty", null, explode, Optional.empty()).trusted()).isTrue();
  }

  @Test
  void providerMembershipAndWriteAccess() {
    provider.orgMembers.add("member");
    provider.writers.add("writer");
    assertThat(trusted("member", null, null, Optional.of(provider))).isTrue();
    assertThat(trusted("writer", null, null, Optional.of(provider))).isTrue();
    assertThat(trusted("nobody", null, null, Optional.of(provider))).isFalse();
  }

  @Test
  void aFailingProviderTrustsNobody() {
    provider.orgMembers.add("member");
    provider.failing = true;
    TrustPolicy.Verdict v =
        TrustPolicy.decide(repo, "member", null, noOwners, Optional.of(provider));
    assertThat(v.trusted()).isFalse();
    assertThat(v.reason()).contains("502");
  }

  @Test
  void unknownAuthorsAreNotTrusted() {
    assertThat(trusted(null, "OWNER", null, Optional.of(provider))).isFalse();
    assertThat(trusted(" ", "OWNER", null, Optional.of(provider))).isFalse();
    assertThat(provider.membershipQuestions).isZero();
  }
}
