package io.jxengine.kube.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Charts from Helm chart repositories over HTTP(S): reads the repository's {@code index.yaml},
 * downloads the archive of the chart's requested version, checks its SHA-256 against the index's
 * {@code digest} when the index has one, and keeps it in a cache ({@code
 * <cache>/<repository hash>/<name>-<version>.tgz}), so a chart version is downloaded once.
 *
 * <p>Everything read is capped (the index and the archive each have a size limit, every request a
 * timeout); only {@code http} and {@code https} URLs are fetched, also for the archive URLs the
 * index names; chart names and versions are checked before they become file names. The archive is
 * handed to helm as is (helm reads it; nothing is unpacked here). Thread-safe: a download goes to
 * a temporary file that is moved into place only once checked. Every failure is a {@link
 * ChartRenderException} whose message says which chart and why.
 */
public final class ChartRepository {
  public static final long MAX_INDEX_BYTES = 16L * 1024 * 1024;
  public static final long MAX_CHART_BYTES = 32L * 1024 * 1024;
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9_.]{0,126}[a-z0-9])?");
  private static final Pattern VERSION = Pattern.compile("v?[0-9A-Za-z][0-9A-Za-z.+_-]{0,126}");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final Path cacheDir;
  private final long maxIndexBytes;
  private final long maxChartBytes;
  private final HttpClient http;

  /** @param cacheDir where archives are kept, such as {@code $JXE_HOME/charts} */
  public ChartRepository(Path cacheDir) {
    this(cacheDir, MAX_INDEX_BYTES, MAX_CHART_BYTES);
  }

  public ChartRepository(Path cacheDir, long maxIndexBytes, long maxChartBytes) {
    this.cacheDir = cacheDir;
    this.maxIndexBytes = maxIndexBytes;
    this.maxChartBytes = maxChartBytes;
    this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
        .followRedirects(HttpClient.Redirect.NORMAL).build();
  }

  /**
   * The archive of chart {@code name} at {@code version} from the repository at {@code
   * repositoryUrl}, from the cache or downloaded into it.
   */
  public Path fetch(String repositoryUrl, String name, String version) {
    String what = "chart " + name + " " + version + " from " + repositoryUrl;
    URI repo = httpUri(repositoryUrl, what);
    if (name == null || !NAME.matcher(name).matches()) {
      throw new ChartRenderException(what + ": `" + name + "` is not a chart name", null);
    }
    if (version == null || !VERSION.matcher(version).matches() || version.contains("..")) {
      throw new ChartRenderException(what + ": `" + version + "` is not a chart version", null);
    }
    String bare = version.startsWith("v") ? version.substring(1) : version;
    String key = repo.toString().replaceAll("/+$", ""); // with or without the slash: one repository
    Path cached = cacheDir.resolve(hash(key)).resolve(name + "-" + bare + ".tgz");
    if (Files.isRegularFile(cached)) {
      return cached;
    }
    URI base = URI.create(key + "/");
    JsonNode entry = entry(index(base, what), name, bare, what);
    JsonNode urls = entry.path("urls");
    if (!urls.isArray() || urls.isEmpty() || !urls.get(0).isTextual()) {
      throw new ChartRenderException(what + ": the index lists no URL for it", null);
    }
    URI archive;
    try {
      archive = base.resolve(urls.get(0).asText());
    } catch (IllegalArgumentException e) {
      throw new ChartRenderException(what + ": the index's URL is not valid: " + urls.get(0).asText(), e);
    }
    httpUri(archive.toString(), what);
    byte[] bytes = get(archive, maxChartBytes, what + ": the archive " + archive);
    String digest = entry.path("digest").asText("");
    if (!digest.isEmpty() && !digest.equalsIgnoreCase(sha256(bytes))) {
      throw new ChartRenderException(what + ": the archive's SHA-256 " + sha256(bytes)
          + " is not the index's digest " + digest + "; it was not used", null);
    }
    return store(cached, bytes, what);
  }

  private JsonNode index(URI base, String what) {
    byte[] bytes = get(base.resolve("index.yaml"), maxIndexBytes, what + ": index.yaml");
    try {
      return YAML.readTree(bytes);
    } catch (IOException e) {
      throw new ChartRenderException(what + ": index.yaml is not valid YAML: " + e.getMessage(), e);
    }
  }

  private static JsonNode entry(JsonNode index, String name, String version, String what) {
    JsonNode versions = index == null ? null : index.path("entries").path(name);
    if (versions == null || !versions.isArray() || versions.isEmpty()) {
      throw new ChartRenderException(what + ": the repository has no chart " + name, null);
    }
    List<String> known = new ArrayList<>();
    for (JsonNode v : versions) {
      String text = v.path("version").asText("");
      if (text.equals(version) || text.equals("v" + version)) {
        return v;
      }
      known.add(text);
    }
    throw new ChartRenderException(what + ": no such version; the repository has "
        + known.subList(0, Math.min(known.size(), 10)), null);
  }

  /** GETs {@code uri}, reading at most {@code max} bytes. */
  private byte[] get(URI uri, long max, String what) {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
    HttpResponse<InputStream> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new ChartRenderException(what + ": cannot download: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChartRenderException(what + ": interrupted", e);
    }
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw new ChartRenderException(what + ": HTTP " + response.statusCode(), null);
      }
      long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
      if (declared > max) {
        throw new ChartRenderException(what + " is larger than " + max + " bytes", null);
      }
      byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
      if (bytes.length > max) {
        throw new ChartRenderException(what + " is larger than " + max + " bytes", null);
      }
      return bytes;
    } catch (IOException e) {
      throw new ChartRenderException(what + ": cannot download: " + e, e);
    }
  }

  private static Path store(Path cached, byte[] bytes, String what) {
    try {
      Files.createDirectories(cached.getParent());
      Path tmp = Files.createTempFile(cached.getParent(), "download-", ".tgz");
      Files.write(tmp, bytes);
      Files.move(tmp, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return cached;
    } catch (IOException e) {
      throw new ChartRenderException(what + ": cannot write the chart cache: " + e.getMessage(), e);
    }
  }

  private static URI httpUri(String text, String what) {
    URI uri;
    try {
      uri = text == null ? null : new URI(text);
    } catch (java.net.URISyntaxException e) {
      uri = null;
    }
    String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new ChartRenderException(what + ": `" + text + "` is not an http(s) URL", null);
    }
    return uri;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hash(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
  }
}
