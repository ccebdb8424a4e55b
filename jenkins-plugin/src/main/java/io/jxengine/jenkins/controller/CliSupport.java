package io.jxengine.jenkins.controller;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jxengine.engine.JxeHome;
import io.jxengine.secrets.LocalSecretProvider;
import io.jxengine.secrets.SecretProvider;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What the controller commands share: the engine home ({@code $JXE_HOME}, or the hidden {@code
 * --home} tests use), its controllers file and local secrets, and how a failure ends a command
 * (one line on stderr, exit 1: unreachable controllers and wrong tokens are the user's to fix).
 */
abstract class CliSupport implements Callable<Integer> {
  static final int OK = 0;
  static final int FAILED = 1;

  @Spec CommandSpec spec;

  @Option(names = "--home", hidden = true, description = "The engine home (default $JXE_HOME).")
  Path home;

  /** The command's work; user-facing failures are thrown as the exceptions {@link #call} maps. */
  abstract int execute(PrintWriter out) throws Exception;

  @Override
  public Integer call() throws Exception {
    try {
      return execute(spec.commandLine().getOut());
    } catch (JenkinsException | ControllersFile.ConfigException | IllegalArgumentException e) {
      spec.commandLine().getOut().flush();
      spec.commandLine().getErr().println("jxe: " + e.getMessage());
      spec.commandLine().getErr().flush();
      return FAILED;
    }
  }

  JxeHome home() {
    JxeHome fromEnv = JxeHome.fromEnvironment(System.getenv());
    return home == null ? fromEnv : new JxeHome(home, List.of());
  }

  ControllersFile file() {
    return ControllersFile.in(home().root());
  }

  SecretProvider secrets() {
    return new LocalSecretProvider(List.of(home().secretsFile()), System.getenv());
  }

  /** A client for the named controller, its token resolved from its secret. */
  JenkinsClient client(String name) {
    Controller c = file().load().find(name).orElseThrow(() -> new JenkinsException(
        "no controller " + name + " in " + file().path()
            + " (add one with `jxe jenkins controller add`)", 0));
    return JenkinsClient.connect(c, ControllerSync.token(secrets(), c), ControllerSync.TIMEOUT);
  }

  static String json(Object value) {
    try {
      return new ObjectMapper().registerModule(
              new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot render output", e);
    }
  }

  static Duration millis(long ms) {
    return Duration.ofMillis(Math.max(1, ms));
  }
}
