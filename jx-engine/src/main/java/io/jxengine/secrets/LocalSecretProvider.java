package io.jxengine.secrets;

import io.jxengine.diag.Code;
import io.jxengine.diag.Diagnostic;
import io.jxengine.diag.Diagnostics;
import io.jxengine.model.Pos;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Secrets for local runs. A value comes from the environment variable
 * {@code JXE_SECRET_<NAME>_<KEY>} ({@link SecretProvider#envVarFor}) if set, else from the
 * secrets files ({@code <secret>: {<key>: value}}), where a later file wins over an earlier one.
 * Files that do not exist are skipped (the default {@code $JXE_HOME/secrets.yaml} is optional);
 * a file that cannot be read or has the wrong shape is reported in {@link #problems()} and its
 * readable entries are still used. Immutable after construction; thread-safe.
 */
public final class LocalSecretProvider implements SecretProvider {
  private final Map<String, Map<String, String>> fromFiles = new HashMap<>();
  private final Map<String, String> environment;
  private final Diagnostics problems = new Diagnostics();

  public LocalSecretProvider(List<Path> secretsFiles, Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
    for (Path file : secretsFiles) {
      load(file);
    }
  }

  @Override
  public Optional<String> lookup(String name, String key) {
    String fromEnv = environment.get(SecretProvider.envVarFor(name, key));
    if (fromEnv != null) {
      return Optional.of(fromEnv);
    }
    return Optional.ofNullable(fromFiles.getOrDefault(name, Map.of()).get(key));
  }

  /** What was wrong with the secrets files (JX003 unreadable YAML, JX102 wrong shape). */
  public List<Diagnostic> problems() {
    return problems.sorted();
  }

  private void load(Path file) {
    if (!Files.exists(file)) {
      return;
    }
    Object doc;
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
    } catch (IOException | YAMLException e) {
      problems.report(Code.YAML_SYNTAX, Pos.fileStart(file.toString()), "",
          firstLine(e.getMessage()));
      return;
    }
    if (doc == null) {
      return;
    }
    if (!(doc instanceof Map<?, ?> secrets)) {
      problems.report(Code.WRONG_TYPE, Pos.fileStart(file.toString()), "",
          "the secrets file", "a map of secret name to {key: value}", typeName(doc));
      return;
    }
    for (var entry : secrets.entrySet()) {
      String name = String.valueOf(entry.getKey());
      if (!(entry.getValue() instanceof Map<?, ?> keys)) {
        problems.report(Code.WRONG_TYPE, Pos.fileStart(file.toString()), name,
            name, "a map of key to value", typeName(entry.getValue()));
        continue;
      }
      Map<String, String> target = fromFiles.computeIfAbsent(name, n -> new HashMap<>());
      for (var kv : keys.entrySet()) {
        Object value = kv.getValue();
        if (value instanceof Map || value instanceof List || value == null) {
          problems.report(Code.WRONG_TYPE, Pos.fileStart(file.toString()),
              name + "." + kv.getKey(), name + "." + kv.getKey(), "a string", typeName(value));
          continue;
        }
        target.put(String.valueOf(kv.getKey()), String.valueOf(value));
      }
    }
  }

  private static String typeName(Object o) {
    if (o == null) {
      return "empty";
    }
    if (o instanceof Map) {
      return "a map";
    }
    if (o instanceof List) {
      return "a list";
    }
    return "a " + o.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
