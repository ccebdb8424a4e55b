package io.jxengine.jenkins.controller;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.jxengine.parse.GoDuration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code $JXE_HOME/jenkins/controllers.yaml}: the controllers, how often {@code jxe server} syncs
 * them and how many recent builds of each job are imported. A missing file is an empty
 * configuration. The file holds no token, only the name of the secret that does.
 *
 * <pre>
 * syncInterval: 5m        # jxe server; default 5m, at least 10s
 * maxBuilds: 20           # newest builds of each job to import; default 20
 * controllers:
 *   - name: ci
 *     url: https://jenkins.example.com/
 *     user: alice
 *     tokenSecret: jenkins-ci/token
 *     jobs: ["team-a/**"] # optional filter on job full names
 * </pre>
 *
 * <p>Errors: a file that cannot be read or is wrong is a {@link ConfigException} whose one-line
 * message names the file and the field. Not thread-safe across processes: the last writer wins.
 */
public final class ControllersFile {
  public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(5);
  public static final Duration MIN_INTERVAL = Duration.ofSeconds(10);
  public static final int DEFAULT_MAX_BUILDS = 20;
  private static final int MAX_FILE_BYTES = 1024 * 1024;

  /** The configuration as read. */
  public record Config(Duration syncInterval, int maxBuilds, List<Controller> controllers) {
    public Config {
      controllers = List.copyOf(controllers);
    }

    public java.util.Optional<Controller> find(String name) {
      return controllers.stream().filter(c -> c.name().equals(name)).findFirst();
    }
  }

  /** The file is unreadable or wrong; the message is one line. */
  public static final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
      super(message);
    }
  }

  private final Path file;

  public ControllersFile(Path file) {
    this.file = file;
  }

  /** The file under an engine home. */
  public static ControllersFile in(Path jxeHome) {
    return new ControllersFile(jxeHome.resolve("jenkins").resolve("controllers.yaml"));
  }

  public Path path() {
    return file;
  }

  public Config load() {
    if (!Files.exists(file)) {
      return new Config(DEFAULT_INTERVAL, DEFAULT_MAX_BUILDS, List.of());
    }
    JsonNode root;
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new ConfigException(file + ": larger than 1 MiB");
      }
      root = yaml().readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new ConfigException(file + ":" + e.getLocation().getLineNr() + ":"
          + e.getLocation().getColumnNr() + ": not valid YAML: " + problem(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new ConfigException("cannot read " + file + ": " + e.getMessage());
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return new Config(DEFAULT_INTERVAL, DEFAULT_MAX_BUILDS, List.of());
    }
    if (!root.isObject()) {
      throw new ConfigException(file + ": expected a map with `controllers:`");
    }
    Duration interval = DEFAULT_INTERVAL;
    if (root.hasNonNull("syncInterval")) {
      String text = root.get("syncInterval").asText();
      interval = GoDuration.parse(text)
          .filter(d -> d.compareTo(MIN_INTERVAL) >= 0)
          .orElseThrow(() -> new ConfigException(file + ": syncInterval `" + text
              + "` must be a duration of at least 10s, such as 5m"));
    }
    int maxBuilds = DEFAULT_MAX_BUILDS;
    if (root.hasNonNull("maxBuilds")) {
      JsonNode n = root.get("maxBuilds");
      if (!n.canConvertToInt() || n.asInt() < 1 || n.asInt() > 1000) {
        throw new ConfigException(file + ": maxBuilds must be a number from 1 to 1000");
      }
      maxBuilds = n.asInt();
    }
    return new Config(interval, maxBuilds, controllers(root.path("controllers")));
  }

  private List<Controller> controllers(JsonNode list) {
    if (list.isMissingNode() || list.isNull()) {
      return List.of();
    }
    if (!list.isArray()) {
      throw new ConfigException(file + ": controllers must be a list");
    }
    List<Controller> controllers = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (JsonNode c : list) {
      List<String> jobs = new ArrayList<>();
      c.path("jobs").forEach(j -> jobs.add(j.asText()));
      try {
        Controller controller = Controller.of(text(c, "name"), text(c, "url"), text(c, "user"),
            text(c, "tokenSecret"), jobs);
        if (!names.add(controller.name())) {
          throw new ConfigException(file + ": controller " + controller.name()
              + " is listed twice");
        }
        controllers.add(controller);
      } catch (IllegalArgumentException e) {
        throw new ConfigException(file + ": " + e.getMessage());
      }
    }
    return controllers;
  }

  /** Writes the configuration atomically (a temporary file moved over the old one). */
  public void save(Config config) {
    ObjectNode root = yaml().createObjectNode();
    root.put("syncInterval", GoDuration.format(config.syncInterval()));
    root.put("maxBuilds", config.maxBuilds());
    ArrayNode list = root.putArray("controllers");
    for (Controller c : config.controllers()) {
      ObjectNode n = list.addObject();
      n.put("name", c.name());
      n.put("url", c.url().toString());
      n.put("user", c.user());
      n.put("tokenSecret", c.tokenSecret());
      if (!c.jobs().isEmpty()) {
        ArrayNode jobs = n.putArray("jobs");
        c.jobs().forEach(jobs::add);
      }
    }
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), "controllers", ".tmp");
      Files.writeString(tmp, "# Jenkins controllers of jx-engine (jxe jenkins controller add|remove)\n"
          + yaml().writeValueAsString(root), StandardCharsets.UTF_8);
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new ConfigException("cannot write " + file + ": " + e.getMessage());
    }
  }

  /** SnakeYAML's several lines (with a caret drawing) as one: what it was doing, what it found. */
  private static String problem(String message) {
    return java.util.Arrays.stream(String.valueOf(message).split("\r?\n"))
        .map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("in '") && !l.equals("^"))
        .collect(java.util.stream.Collectors.joining("; "));
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static ObjectMapper yaml() {
    return new ObjectMapper(new YAMLFactory()
        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
  }
}
