package io.jxengine.gitops;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.jxengine.scm.ProviderKind;
import io.jxengine.scm.provider.GitHubProvider;
import java.nio.file.Path;
import java.time.Clock;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code jxe env create --provider github}: the repository is created through GitHub's API first. */
class GitHubEnvCreateIT {
  @RegisterExtension
  static WireMockExtension gh =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  @TempDir Path tmp;
  EnvFixture fx;
  EnvRepoCreator creator;

  @BeforeEach
  void setUp() {
    fx = new EnvFixture(tmp);
    creator = new EnvRepoCreator(fx.environments, EnvFixture.TEMPLATE, tmp.resolve("work"), Clock.systemUTC());
    gh.stubFor(get("/users/acme").willReturn(okJson("{\"login\": \"acme\", \"id\": 1, \"type\": \"Organization\"}")));
    gh.stubFor(get("/orgs/acme").willReturn(okJson("{\"login\": \"acme\", \"id\": 1, \"type\": \"Organization\","
        + " \"url\": \"" + gh.baseUrl() + "/orgs/acme\"}")));
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  EnvRepoCreator.Request request() {
    return new EnvRepoCreator.Request("staging", PromotionStrategy.Auto, "jx-staging", "",
        "https://github.com/acme/env-staging.git", ProviderKind.GITHUB, "acme", "env-staging", gh.baseUrl(),
        "github/token", "main");
  }

  @Test
  void createsAPrivateOrganisationRepositoryThenPushesTheTemplateToIt() throws Exception {
    Path bare = tmp.resolve("hosted.git");
    Git.init().setBare(true).setDirectory(bare.toFile()).setInitialBranch("main").call().close();
    gh.stubFor(post("/orgs/acme/repos").willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody("""
            {"id": 5, "name": "env-staging", "full_name": "acme/env-staging", "private": true,
             "owner": {"login": "acme", "id": 1, "type": "Organization"},
             "clone_url": "%s", "html_url": "https://github.com/acme/env-staging"}
            """.formatted(bare.toUri().toString()))));

    Environment env = creator.create(request(), new GitHubProvider(gh.baseUrl(), "ghp_token"), null);

    gh.verify(1, postRequestedFor(urlPathEqualTo("/orgs/acme/repos"))
        .withHeader("Authorization", equalTo("token ghp_token"))
        .withRequestBody(matchingJsonPath("$.name", equalTo("env-staging")))
        .withRequestBody(matchingJsonPath("$.private", equalTo("true"))));
    assertThat(env.repoUrl()).isEqualTo(bare.toUri().toString());
    assertThat(fx.onMain(env, "env.yaml")).contains("name: staging", "strategy: Auto");
  }

  @Test
  void aRefusedCreationRegistersNothing() {
    gh.stubFor(post("/orgs/acme/repos").willReturn(aResponse().withStatus(403).withBody("{\"message\": \"forbidden\"}")));

    assertThatThrownBy(() -> creator.create(request(), new GitHubProvider(gh.baseUrl(), "ghp_token"), null))
        .isInstanceOf(PromotionException.class).hasMessageContaining("HTTP 403");
    assertThat(fx.environments.environments()).isEmpty();
  }
}
