package io.jxengine.server.repos;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes the {@code post-receive} hook that makes {@code git push} into a local bare repository
 * notify the engine: it POSTs the {@code <old> <new> <ref>} lines git gives it on stdin to
 * {@code <server>/hook/git/<repo id>} with header {@code X-Jxe-Token}.
 *
 * <p>The hook never fails or holds up a push for long: the refs are already updated when it
 * runs, it gives up after about five seconds, and an engine that is down only prints a warning.
 * It posts with curl when curl was found at import time, else with the JDK (a single-file source
 * program installed beside it). The token reaches curl through a config on a file descriptor and
 * Java through the environment, never on a command line other users could read with {@code ps}.
 * The hook file is readable by its owner only, since it holds the token.
 *
 * <p>The server address is read when the hook runs, from {@code $JXE_HOME/server.url}, so a
 * server restarted on another port is still found; {@code fixedServerUrl} overrides it.
 */
public final class PostReceiveHook {
  /** Marks a hook as ours: re-importing replaces it without {@code --force}. */
  public static final String MARKER = "jxe-managed post-receive hook";

  public static final String HOOK = "post-receive";
  public static final String CHAINED = "post-receive.jxe-chained";
  public static final String JAVA_POSTER = "jxe-post-receive.java";

  private final String curl;
  private final String java;

  /**
   * @param curl absolute path of curl, or null to post with Java
   * @param java absolute path of the java launcher used when curl is null
   */
  public PostReceiveHook(String curl, String java) {
    this.curl = curl;
    this.java = java;
  }

  /** curl from the PATH (when there), and the java running this engine. */
  public static PostReceiveHook detect() {
    String curl = null;
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) {
        Path candidate = Path.of(dir.isEmpty() ? "." : dir, "curl");
        if (Files.isExecutable(candidate) && candidate.isAbsolute()) {
          curl = candidate.toString();
          break;
        }
      }
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new PostReceiveHook(curl, java);
  }

  /** The java launcher the hook falls back to. */
  public String javaPath() {
    return java;
  }

  /** What {@link #install} did. */
  public record Installed(Path hook, Path chained) {}

  /**
   * Installs the hook in {@code hooksDir}.
   *
   * @param fixedServerUrl the server URL to always use, or null to read {@code serverUrlFile}
   * @param force move a hook that is not ours aside and run it first, instead of refusing
   * @throws ImportException when a foreign hook is there and {@code force} is false
   */
  public Installed install(
      Path hooksDir, long repoId, String token, String fixedServerUrl, Path serverUrlFile,
      boolean force) throws IOException {
    Files.createDirectories(hooksDir);
    Path hook = hooksDir.resolve(HOOK);
    Path chained = hooksDir.resolve(CHAINED);
    if (Files.exists(hook) && !isOurs(hook)) {
      if (!force) {
        throw new ImportException(
            hook + " already exists and was not written by jxe; use --force to keep it and run"
                + " it before notifying the engine");
      }
      Files.move(hook, chained, StandardCopyOption.REPLACE_EXISTING);
    }
    Path poster = hooksDir.resolve(JAVA_POSTER);
    try (InputStream in = PostReceiveHook.class.getResourceAsStream("JxeHookPost.java")) {
      if (in == null) {
        throw new IOException("JxeHookPost.java is missing from the jx-engine jar");
      }
      Files.write(poster, in.readAllBytes());
    }
    String text = script(repoId, token, fixedServerUrl, serverUrlFile, chained, poster);
    Path tmp = Files.createTempFile(hooksDir, HOOK, ".tmp");
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwx------"));
    Files.move(tmp, hook, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    return new Installed(hook, Files.exists(chained) ? chained : null);
  }

  static boolean isOurs(Path hook) throws IOException {
    if (!Files.isRegularFile(hook)) {
      return false;
    }
    byte[] bytes = Files.readAllBytes(hook);
    return new String(bytes, StandardCharsets.UTF_8).contains(MARKER);
  }

  String script(
      long repoId, String token, String fixedServerUrl, Path serverUrlFile, Path chained,
      Path poster) {
    return """
        #!/bin/sh
        # %s: notifies the jx-engine of pushes (written by `jxe import`).
        # The refs are already updated when this runs: it never fails the push, gives up after
        # about 5 seconds, and only warns when the engine cannot be reached.
        JXE_REPO_ID=%d
        JXE_TOKEN=%s
        JXE_SERVER_URL=%s
        JXE_SERVER_URL_FILE=%s
        JXE_CURL=%s
        JXE_JAVA=%s
        JXE_POSTER=%s
        JXE_CHAINED=%s

        input=$(cat)
        status=0
        if [ -x "$JXE_CHAINED" ]; then
          printf '%%s\\n' "$input" | "$JXE_CHAINED" "$@" || status=$?
        fi
        [ -n "$input" ] || exit $status
        url=$JXE_SERVER_URL
        if [ -z "$url" ] && [ -r "$JXE_SERVER_URL_FILE" ]; then
          url=$(head -n 1 "$JXE_SERVER_URL_FILE")
        fi
        if [ -z "$url" ]; then
          echo "jxe: warning: no engine address in $JXE_SERVER_URL_FILE (is 'jxe server' running?); the push is not built" >&2
          exit $status
        fi
        url="${url%%/}/hook/git/$JXE_REPO_ID"
        if [ -n "$JXE_CURL" ] && [ -x "$JXE_CURL" ]; then
          code=$(printf '%%s\\n' "$input" | "$JXE_CURL" -s -o /dev/null -w '%%{http_code}' \\
            --connect-timeout 2 -m 5 -X POST -H 'Content-Type: text/plain; charset=utf-8' \\
            --data-binary @- -K /dev/fd/3 "$url" 3<<JXE_EOF
        header = "X-Jxe-Token: $JXE_TOKEN"
        JXE_EOF
          )
          case "$code" in
            2??) exit $status ;;
          esac
          echo "jxe: warning: could not notify the engine at $url (HTTP ${code:-none}); the push succeeded but is not built" >&2
        else
          if printf '%%s\\n' "$input" | JXE_TOKEN="$JXE_TOKEN" "$JXE_JAVA" "$JXE_POSTER" "$url" >/dev/null 2>&1; then
            exit $status
          fi
          echo "jxe: warning: could not notify the engine at $url; the push succeeded but is not built" >&2
        fi
        exit $status
        """
        .formatted(
            MARKER,
            repoId,
            shq(token),
            shq(fixedServerUrl == null ? "" : ServerAddress.normalize(fixedServerUrl)),
            shq(serverUrlFile.toAbsolutePath().toString()),
            shq(curl == null ? "" : curl),
            shq(java == null ? "java" : java),
            shq(poster.toAbsolutePath().toString()),
            shq(chained.toAbsolutePath().toString()));
  }

  /** Quotes a value for sh: single quotes, each embedded quote closed, escaped and reopened. */
  static String shq(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }
}
