package io.jxengine.server.queue;

import io.jxengine.scm.ProviderKind;
import java.time.Instant;

/** A stored delivery as the worker claims it (without its raw body, which it never needs). */
public record Delivery(
    long id,
    ProviderKind provider,
    String deliveryId,
    String eventName,
    long repositoryId,
    String eventKind,
    String eventJson,
    Instant received,
    DeliveryState state,
    int attempts,
    String error,
    String note) {}
