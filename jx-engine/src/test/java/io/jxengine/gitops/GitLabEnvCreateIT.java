package io.jxengine.gitops;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.jxengine.scm.ProviderKind;
import io.jxengine.scm.provider.GitLabProvider;
import java.nio.file.Path;
import java.time.Clock;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jxe env create --provider gitlab}: the project is created through GitLab's API
 * (gitlab4j-api against WireMock) in the group's namespace first, then the template is pushed.
 */
class GitLabEnvCreateIT {
  @RegisterExtension
  static WireMockExtension gl =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  @TempDir Path tmp;
  EnvFixture fx;
  EnvRepoCreator creator;

  @BeforeEach
  void setUp() {
    fx = new EnvFixture(tmp);
    creator = new EnvRepoCreator(fx.environments, EnvFixture.TEMPLATE, tmp.resolve("work"), Clock.systemUTC());
    gl.stubFor(get(urlPathEqualTo("/api/v4/namespaces/acme%2Fdelivery")).willReturn(okJson(
        "{\"id\": 42, \"name\": \"delivery\", \"path\": \"delivery\", \"kind\": \"group\","
            + " \"full_path\": \"acme/delivery\"}")));
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  EnvRepoCreator.Request request() {
    return new EnvRepoCreator.Request("staging", PromotionStrategy.Manual, "jx-staging", "",
        "https://gitlab.example.com/acme/delivery/env-staging.git", ProviderKind.GITLAB, "acme/delivery",
        "env-staging", gl.baseUrl(), "gitlab/token", "main");
  }

  @Test
  void createsAPrivateProjectInTheGroupThenPushesTheTemplateToIt() throws Exception {
    Path bare = tmp.resolve("hosted.git");
    Git.init().setBare(true).setDirectory(bare.toFile()).setInitialBranch("main").call().close();
    gl.stubFor(post("/api/v4/projects").willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody("""
            {"id": 7, "name": "env-staging", "path": "env-staging",
             "path_with_namespace": "acme/delivery/env-staging", "visibility": "private",
             "http_url_to_repo": "%s"}
            """.formatted(bare.toUri().toString()))));

    Environment env = creator.create(request(), new GitLabProvider(gl.baseUrl(), "glpat-token"), null);

    gl.verify(1, getRequestedFor(urlPathEqualTo("/api/v4/namespaces/acme%2Fdelivery"))
        .withHeader("PRIVATE-TOKEN", equalTo("glpat-token")));
    gl.verify(1, postRequestedFor(urlPathEqualTo("/api/v4/projects"))
        .withHeader("PRIVATE-TOKEN", equalTo("glpat-token"))
        .withRequestBody(containing("name=env-staging"))
        .withRequestBody(containing("path=env-staging"))
        .withRequestBody(containing("namespace_id=42"))
        .withRequestBody(containing("visibility=private"))
        .withRequestBody(containing("initialize_with_readme=false")));
    assertThat(env.repoUrl()).isEqualTo(bare.toUri().toString());
    assertThat(env.provider()).isEqualTo(ProviderKind.GITLAB);
    assertThat(fx.onMain(env, "env.yaml")).contains("name: staging", "strategy: Manual");
  }

  @Test
  void anUnknownGroupRegistersNothing() {
    gl.stubFor(get(urlPathEqualTo("/api/v4/namespaces/acme%2Fdelivery")).willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/json").withBody("{\"message\": \"404 Namespace Not Found\"}")));

    assertThatThrownBy(() -> creator.create(request(), new GitLabProvider(gl.baseUrl(), "glpat-token"), null))
        .isInstanceOf(PromotionException.class).hasMessageContaining("HTTP 404");
    assertThat(fx.environments.environments()).isEmpty();
    gl.verify(0, postRequestedFor(urlPathEqualTo("/api/v4/projects")));
  }
}
