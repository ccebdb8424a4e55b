package io.jxengine.server.api;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * API tokens kept in a file, one per line ({@code $JXE_HOME/api-tokens}; blank lines and lines
 * starting with {@code #} are ignored). A line {@code <user>:<token>} names the user the token acts
 * as, which approval gates check against their submitters; a bare token acts as {@link
 * #ANONYMOUS} (generated tokens have no {@code :}). When the file is missing or holds no token, {@link #open}
 * creates one random token, writes it there (readable by the owner only) and prints where it is —
 * never the token itself, so it does not end up in a server log.
 *
 * <p>The file is read again when its modification time changes, so tokens can be added or
 * revoked without a restart. Tokens are compared as SHA-256 digests with {@link
 * MessageDigest#isEqual}, every token each time, so neither length nor content leaks through
 * timing. Thread-safe.
 */
public final class FileTokenVerifier implements TokenVerifier {
  /** The file's name inside {@code $JXE_HOME}. */
  public static final String FILE_NAME = "api-tokens";

  private final Path file;
  private volatile Snapshot snapshot;

  private record Snapshot(FileTime modified, List<byte[]> digests, List<String> users) {}

  private FileTokenVerifier(Path file) {
    this.file = file;
    this.snapshot = load(file);
  }

  /**
   * Opens {@code <jxeHome>/api-tokens}, creating a token first when there is none.
   *
   * @param out where to say that a token was created (the server's console)
   * @throws UncheckedIOException when the file cannot be read or created
   */
  public static FileTokenVerifier open(Path jxeHome, PrintStream out) {
    Path file = jxeHome.resolve(FILE_NAME);
    try {
      if (!Files.exists(file) || readTokens(file).isEmpty()) {
        create(file);
        out.println("Created an API token in " + file.toAbsolutePath()
            + " (send it as `Authorization: Bearer <token>` to stop or re-run builds)");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the API token file " + file, e);
    }
    return new FileTokenVerifier(file);
  }

  /** The file the tokens are read from. */
  public Path file() {
    return file;
  }

  @Override
  public boolean isValid(String bearerToken) {
    return user(bearerToken).isPresent();
  }

  @Override
  public java.util.Optional<String> user(String bearerToken) {
    if (bearerToken == null || bearerToken.isEmpty()) {
      return java.util.Optional.empty();
    }
    byte[] candidate = digest(bearerToken);
    Snapshot s = current();
    String user = null;
    for (int i = 0; i < s.digests().size(); i++) {
      // every digest is compared, whatever matched before, so timing says nothing
      if (MessageDigest.isEqual(s.digests().get(i), candidate) && user == null) {
        user = s.users().get(i);
      }
    }
    return java.util.Optional.ofNullable(user);
  }

  private Snapshot current() {
    Snapshot s = snapshot;
    try {
      FileTime modified = Files.getLastModifiedTime(file);
      if (!modified.equals(s.modified())) {
        s = load(file);
        snapshot = s;
      }
    } catch (IOException e) {
      // the file vanished: no token is valid any more, which is the safe answer
      s = new Snapshot(null, List.of(), List.of());
      snapshot = s;
    }
    return s;
  }

  private static Snapshot load(Path file) {
    try {
      FileTime modified = Files.getLastModifiedTime(file);
      List<byte[]> digests = new ArrayList<>();
      List<String> users = new ArrayList<>();
      for (String line : readTokens(file)) {
        int colon = line.indexOf(':');
        String user = colon > 0 ? line.substring(0, colon).strip() : ANONYMOUS;
        digests.add(digest(colon > 0 ? line.substring(colon + 1).strip() : line));
        users.add(user);
      }
      return new Snapshot(modified, List.copyOf(digests), List.copyOf(users));
    } catch (IOException e) {
      return new Snapshot(null, List.of(), List.of());
    }
  }

  static List<String> readTokens(Path file) throws IOException {
    List<String> tokens = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String t = line.strip();
      if (!t.isEmpty() && !t.startsWith("#")) {
        tokens.add(t);
      }
    }
    return tokens;
  }

  private static void create(Path file) throws IOException {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    Files.createDirectories(file.toAbsolutePath().getParent());
    String text = "# jxe API tokens, one per line\n" + token + "\n";
    try {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(
          PosixFilePermissions.fromString("rw-------")));
    } catch (FileAlreadyExistsException exists) {
      // an empty file the user made: fill it
    } catch (UnsupportedOperationException notPosix) {
      Files.createFile(file);
    }
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
