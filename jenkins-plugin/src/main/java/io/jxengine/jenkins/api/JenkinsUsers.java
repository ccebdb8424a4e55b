package io.jxengine.jenkins.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Users of the Jenkins API and their API tokens, in {@code $JXE_HOME/jenkins/users.yaml}: a map
 * {@code users: {<name>: [sha256:<hex>, ...]}}. Only SHA-256 digests of tokens are stored; a new
 * token is shown once, by {@link #createToken}. The file is re-read when it changes, so tokens
 * can be added or revoked without a restart.
 *
 * <p>Thread-safe. {@link #authenticate} compares against every digest of the user with {@link
 * MessageDigest#isEqual}, so the answer's timing does not tell how much of a guess was right.
 */
public final class JenkinsUsers {
  public static final String FILE_NAME = "users.yaml";
  private static final String PREFIX = "sha256:";

  private final Path file;
  private volatile Snapshot snapshot = new Snapshot(null, Map.of());

  private record Snapshot(FileTime modified, Map<String, List<byte[]>> digests) {}

  /** @param jenkinsHome {@code $JXE_HOME/jenkins} */
  public JenkinsUsers(Path jenkinsHome) {
    this.file = jenkinsHome.resolve(FILE_NAME);
  }

  public Path file() {
    return file;
  }

  /** The user whose name and API token these are, or empty. */
  public Optional<String> authenticate(String user, String token) {
    if (user == null || token == null || token.isEmpty()) {
      return Optional.empty();
    }
    List<byte[]> known = current().digests().getOrDefault(user, List.of());
    byte[] candidate = digest(token);
    boolean ok = false;
    for (byte[] k : known) {
      ok |= MessageDigest.isEqual(k, candidate);
    }
    return ok ? Optional.of(user) : Optional.empty();
  }

  /** True when at least one user has a token. */
  public boolean any() {
    return !current().digests().isEmpty();
  }

  /** Makes a new random token for {@code user} (created when new), stores its digest, returns it. */
  public synchronized String createToken(String user) {
    JobPath.checkName(user);
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    String token = HexFormat.of().formatHex(random);
    Map<String, List<String>> all = readRaw();
    all.computeIfAbsent(user, u -> new ArrayList<>())
        .add(PREFIX + HexFormat.of().formatHex(digest(token)));
    writeRaw(all);
    return token;
  }

  private Snapshot current() {
    Snapshot s = snapshot;
    FileTime modified;
    try {
      modified = Files.getLastModifiedTime(file);
    } catch (IOException e) {
      return new Snapshot(null, Map.of()); // no file: nobody can log in
    }
    if (!modified.equals(s.modified())) {
      Map<String, List<byte[]>> digests = new LinkedHashMap<>();
      readRaw().forEach((user, list) -> {
        List<byte[]> d = new ArrayList<>();
        for (String h : list) {
          if (h.startsWith(PREFIX)) {
            d.add(HexFormat.of().parseHex(h.substring(PREFIX.length())));
          }
        }
        digests.put(user, List.copyOf(d));
      });
      s = new Snapshot(modified, Map.copyOf(digests));
      snapshot = s;
    }
    return s;
  }

  @SuppressWarnings("unchecked")
  private Map<String, List<String>> readRaw() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (!Files.exists(file)) {
      return out;
    }
    try {
      Object doc = new Yaml(new SafeConstructor(new LoaderOptions()))
          .load(Files.readString(file, StandardCharsets.UTF_8));
      if (doc instanceof Map<?, ?> m && m.get("users") instanceof Map<?, ?> users) {
        users.forEach((k, v) -> {
          List<String> tokens = new ArrayList<>();
          if (v instanceof List<?> l) {
            l.forEach(t -> tokens.add(String.valueOf(t)));
          }
          out.put(String.valueOf(k), tokens);
        });
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (RuntimeException e) {
      throw new IllegalStateException(file + " is not valid YAML: " + e.getMessage(), e);
    }
  }

  private void writeRaw(Map<String, List<String>> all) {
    StringBuilder b = new StringBuilder(
        "# jxe Jenkins API users: name -> SHA-256 digests of their API tokens\nusers:\n");
    all.forEach((user, tokens) -> {
      b.append("  \"").append(user.replace("\\", "\\\\").replace("\"", "\\\"")).append("\":\n");
      tokens.forEach(t -> b.append("    - ").append(t).append('\n'));
    });
    try {
      Files.createDirectories(file.getParent());
      if (!Files.exists(file)) {
        try {
          Files.createFile(file, PosixFilePermissions.asFileAttribute(
              PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
          Files.createFile(file);
        }
      }
      Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
      snapshot = new Snapshot(null, Map.of()); // re-read even if the time stamp did not move
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
