package io.jxengine.scm.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.jxengine.scm.RepoRef;
import io.jxengine.scm.webhook.ProviderPayloads.Mapping;
import io.jxengine.scm.webhook.WebhookResult.Accepted;
import io.jxengine.scm.webhook.WebhookResult.Ignored;
import io.jxengine.scm.webhook.WebhookResult.Rejected;
import java.util.List;
import java.util.Optional;

/**
 * Turns one webhook delivery into a {@link WebhookResult}. In order: picks the provider from the
 * headers (Gitea first, since Gitea also sends GitHub's headers; none of them: 400), caps the body
 * at {@link #MAX_BODY_BYTES} (413), parses it with bounded Jackson (400), finds the repository the
 * payload names and its secret (404 when not registered), verifies the signature or token over the
 * raw bytes in constant time (401), then maps the payload to a {@link io.jxengine.scm.GitEvent}
 * (Accepted) or skips it (Ignored). A payload that names no repository cannot be verified; it is
 * Ignored (a ping from an organisation hook, say), unless it is an event the engine acts on (then
 * 400).
 *
 * <p>Every value taken from a payload stays plain data in the result: nothing here runs a shell,
 * parses XML or builds a path. Stateless and thread-safe; never throws for any request content.
 */
public final class WebhookHandler {
  /** Deliveries larger than this are refused; GitHub caps its payloads at 25 MB as well. */
  public static final int MAX_BODY_BYTES = 25 * 1024 * 1024;

  private final List<ProviderPayloads> providers =
      List.of(new GiteaPayloads(), new GitLabPayloads(), new GitHubPayloads());

  public WebhookResult handle(WebhookRequest request, WebhookSecrets secrets) {
    Optional<ProviderPayloads> detected =
        providers.stream().filter(p -> request.nonBlankHeader(p.eventHeader()) != null).findFirst();
    if (detected.isEmpty()) {
      return new Rejected(
          Rejected.MALFORMED,
          "not a webhook from a known provider (no X-GitHub-Event, X-Gitlab-Event or"
              + " X-Gitea-Event header)");
    }
    ProviderPayloads provider = detected.get();
    if (request.body().length > MAX_BODY_BYTES) {
      return new Rejected(
          Rejected.TOO_LARGE, "the body is larger than " + MAX_BODY_BYTES + " bytes");
    }
    try {
      return handle(provider, request, secrets);
    } catch (MalformedPayloadException e) {
      return new Rejected(Rejected.MALFORMED, e.getMessage());
    }
  }

  private WebhookResult handle(
      ProviderPayloads provider, WebhookRequest request, WebhookSecrets secrets) {
    String eventName = request.nonBlankHeader(provider.eventHeader());
    String deliveryId = provider.deliveryId(request);
    JsonNode root = Json.parseObject(request.body());
    Optional<RepoRef> repo = provider.repository(root);
    if (repo.isEmpty()) {
      // Nothing to look a secret up by, so nothing can be verified: only skipping is safe.
      if (provider.needsRepository(eventName)) {
        throw new MalformedPayloadException("the payload names no repository");
      }
      return new Ignored(
          provider.kind(),
          deliveryId,
          eventName,
          "the payload names no repository (an organisation, app or system hook)");
    }
    Optional<String> secret = secrets.secretFor(repo.get());
    if (secret.isEmpty()) {
      return new Rejected(Rejected.UNKNOWN_REPOSITORY, "the repository is not registered");
    }
    if (!provider.verify(secret.get(), request)) {
      return new Rejected(Rejected.UNAUTHORIZED, "the signature or token is missing or wrong");
    }
    Mapping mapping = provider.map(eventName, repo.get(), root);
    if (mapping instanceof Mapping.Mapped mapped) {
      return new Accepted(provider.kind(), deliveryId, eventName, mapped.event());
    }
    return new Ignored(
        provider.kind(), deliveryId, eventName, ((Mapping.Skipped) mapping).reason());
  }
}
