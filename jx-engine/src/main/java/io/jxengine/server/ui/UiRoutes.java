package io.jxengine.server.ui;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The web UI: three pages ({@code /} activities, {@code /runs/{id}} one run, {@code
 * /repositories}) and their scripts and styles under {@code /ui/}, all from the classpath folder
 * {@code ui/} — nothing from a CDN, no build step. The pages are static; their scripts read the
 * REST API ({@link io.jxengine.server.api.ApiRoutes}).
 *
 * <p>Every answer carries a Content-Security-Policy that allows only this server's own scripts,
 * styles and connections: no inline script runs, so a branch name or log line that slipped into
 * the page as markup could still not execute. The scripts themselves only ever insert user data
 * as text.
 */
public final class UiRoutes {
  static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
  private static final Pattern ASSET = Pattern.compile("[a-z0-9-]+\\.(js|css|svg)");
  private static final Pattern RUN_ID = Pattern.compile("[1-9][0-9]{0,17}");
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8",
      "js", "text/javascript; charset=utf-8",
      "css", "text/css; charset=utf-8",
      "svg", "image/svg+xml");

  private final Map<String, Optional<byte[]>> cache = new ConcurrentHashMap<>();

  private UiRoutes() {}

  /** Adds the UI's routes to {@code app}; call before {@code app.start()}. */
  public static void register(Javalin app) {
    UiRoutes ui = new UiRoutes();
    app.get("/", ctx -> ui.serve(ctx, "index.html"));
    app.get("/repositories", ctx -> ui.serve(ctx, "repositories.html"));
    app.get("/runs/{id}", ctx -> {
      if (RUN_ID.matcher(ctx.pathParam("id")).matches()) {
        ui.serve(ctx, "run.html");
      } else {
        ui.notFound(ctx);
      }
    });
    app.get("/ui/{file}", ctx -> {
      String file = ctx.pathParam("file");
      if (ASSET.matcher(file).matches()) {
        ui.serve(ctx, file);
      } else {
        ui.notFound(ctx);
      }
    });
  }

  private void serve(Context ctx, String file) {
    Optional<byte[]> body = cache.computeIfAbsent(file, UiRoutes::load);
    if (body.isEmpty()) {
      notFound(ctx);
      return;
    }
    secure(ctx);
    String ext = file.substring(file.lastIndexOf('.') + 1);
    ctx.contentType(TYPES.get(ext)).result(body.get());
  }

  private void notFound(Context ctx) {
    secure(ctx);
    ctx.status(404).contentType("text/plain; charset=utf-8").result("not found");
  }

  private static void secure(Context ctx) {
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Cache-Control", "no-cache");
  }

  private static Optional<byte[]> load(String file) {
    try (InputStream in = UiRoutes.class.getResourceAsStream("/ui/" + file)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the UI file " + file, e);
    }
  }
}
