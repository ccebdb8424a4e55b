package io.jxengine.jenkins.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jobs through the Jenkins API on a real server: create, read, update, list, delete. */
class JenkinsJobsIT {
  @TempDir Path dir;
  JenkinsApiServer server;
  JenkinsHttp api;

  @BeforeEach
  void start() throws Exception {
    server = new JenkinsApiServer(dir);
    api = new JenkinsHttp(server.url(), JenkinsApiServer.USER, server.token);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void configXmlIsKeptVerbatimAndWhatIsNotUsedIsReported() throws Exception {
    String xml = Fixtures.job("freestyle.xml");
    HttpResponse<String> created = api.post("createItem?name=hello", xml);
    assertThat(created.statusCode()).isEqualTo(200);
    assertThat(created.headers().allValues("X-Jxe-Warning"))
        .anyMatch(w -> w.contains("com.example.Unknown"))
        .anyMatch(w -> w.contains("hudson.tasks.Mailer"));
    assertThat(created.headers().firstValue("X-Jenkins")).isPresent();

    HttpResponse<String> read = api.get("job/hello/config.xml");
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.body()).isEqualTo(xml);

    JsonNode job = api.json("job/hello/api/json");
    assertThat(job.path("_class").asText()).isEqualTo("hudson.model.FreeStyleProject");
    assertThat(job.path("name").asText()).isEqualTo("hello");
    assertThat(job.path("color").asText()).isEqualTo("notbuilt");
    assertThat(job.path("nextBuildNumber").asInt()).isEqualTo(1);
    assertThat(job.path("property").get(0).path("parameterDefinitions")).hasSize(2);
    assertThat(job.path("jxeWarnings").toString()).contains("com.example.Unknown");
  }

  @Test
  void updateReplacesTheConfigAndDisableIsWrittenIntoIt() throws Exception {
    api.post("createItem?name=hello", Fixtures.freestyle("echo one"));
    String second = Fixtures.freestyle("echo two");
    assertThat(api.post("job/hello/config.xml", second).statusCode()).isEqualTo(200);
    assertThat(api.get("job/hello/config.xml").body()).isEqualTo(second);

    assertThat(api.post("job/hello/disable", "").statusCode()).isEqualTo(200);
    assertThat(api.get("job/hello/config.xml").body()).contains("<disabled>true</disabled>")
        .contains("echo two");
    assertThat(api.json("job/hello/api/json").path("color").asText()).isEqualTo("disabled");
    assertThat(api.post("job/hello/build", "").statusCode()).isEqualTo(409);

    assertThat(api.post("job/hello/enable", "").statusCode()).isEqualTo(200);
    assertThat(api.json("job/hello/api/json").path("disabled").asBoolean()).isFalse();
  }

  @Test
  void foldersNestAndTreeFiltersCutTheAnswer() throws Exception {
    assertThat(api.post("createItem?name=tools", Fixtures.job("folder.xml")).statusCode())
        .isEqualTo(200);
    assertThat(api.post("job/tools/createItem?name=lint", Fixtures.freestyle("true"))
        .statusCode()).isEqualTo(200);
    assertThat(api.post("createItem?name=top", Fixtures.freestyle("true")).statusCode())
        .isEqualTo(200);

    JsonNode tree = api.json("api/json?tree=jobs%5Bname,url,color,jobs%5Bname,url,color%5D%5D");
    assertThat(tree.path("jobs")).hasSize(2);
    JsonNode tools = tree.path("jobs").get(0); // sorted by name: tools, top
    assertThat(tools.path("name").asText()).isEqualTo("tools");
    assertThat(tools.has("fullName")).isFalse();
    assertThat(tools.path("jobs").get(0).path("name").asText()).isEqualTo("lint");
    assertThat(tools.path("jobs").get(0).path("url").asText())
        .isEqualTo(server.url() + "job/tools/job/lint/");
    assertThat(tree.path("jobs").get(1).path("color").asText()).isEqualTo("notbuilt");
    assertThat(tree.has("mode")).isFalse();

    // a leaf asked for without its fields: objects with only their _class, as Jenkins does
    JsonNode shallow = api.json("api/json?tree=jobs%5Bname,jobs%5D");
    assertThat(shallow.path("jobs").get(0).path("jobs").get(0).has("name")).isFalse();
    assertThat(shallow.path("jobs").get(0).path("jobs").get(0).path("_class").asText())
        .isEqualTo("hudson.model.FreeStyleProject");

    assertThat(api.json("job/tools/job/lint/api/json?tree=name").path("name").asText())
        .isEqualTo("lint");
    assertThat(api.post("job/tools/doDelete", "").statusCode()).isEqualTo(200);
    assertThat(api.get("job/tools/job/lint/api/json").statusCode()).isEqualTo(404);
    assertThat(api.json("api/json").path("jobs")).hasSize(1);
  }

  @Test
  void creatingInAMissingFolderIs404AndATakenNameIs400() throws Exception {
    assertThat(api.post("job/nowhere/createItem?name=x", Fixtures.freestyle("true")).statusCode())
        .isEqualTo(404);
    api.post("createItem?name=x", Fixtures.freestyle("true"));
    assertThat(api.post("createItem?name=x", Fixtures.freestyle("true")).statusCode())
        .isEqualTo(400);
    assertThat(api.get("checkJobName?value=x").body()).contains("error");
    assertThat(api.get("checkJobName?value=fresh").body()).isEqualTo("<div/>");
  }

  @Test
  void whoAmICrumbsAndPlugins() throws Exception {
    assertThat(api.json("me/api/json").path("id").asText()).isEqualTo("alice");
    assertThat(api.json("whoAmI/api/json").path("authenticated").asBoolean()).isTrue();
    assertThat(api.json("pluginManager/api/json").path("plugins").isArray()).isTrue();
    HttpResponse<String> issued = api.get("crumbIssuer/api/json");
    JsonNode crumb = JenkinsHttp.JSON.readTree(issued.body());
    assertThat(crumb.path("crumbRequestField").asText()).isEqualTo("Jenkins-Crumb");
    // as in Jenkins 2.176.2+, the crumb belongs to the web session the cookie names
    String cookie = issued.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    assertThat(cookie).startsWith("JSESSIONID.");
    String value = crumb.path("crumb").asText();
    HttpResponse<String> withCrumb = api.postHeaders("createItem?name=c",
        "Jenkins-Crumb", value, "Cookie", cookie, "Content-Type", "application/xml");
    // the crumb is accepted; the empty body is then refused as XML
    assertThat(withCrumb.statusCode()).isEqualTo(400);
    assertThat(api.postHeaders("createItem?name=c", "Jenkins-Crumb", value).statusCode())
        .as("a crumb without its session").isEqualTo(403);
    String other = api.get("crumbIssuer/api/json").headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    assertThat(api.postHeaders("createItem?name=c", "Jenkins-Crumb", value, "Cookie", other).statusCode())
        .as("a crumb of another session").isEqualTo(403);
    assertThat(api.postHeaders("createItem?name=c", "Jenkins-Crumb", "forged", "Cookie", cookie).statusCode())
        .isEqualTo(403);
  }
}
