package io.omnireturns.distribution.webhooks;

import io.omnireturns.platform.axon.OneSegmentWhileOptimised;

import java.util.List;

/**
 * One segment for the webhooks' recording processor while {@code omnireturns.engine.optimised} is on (the default),
 * instead of the two of {@code omnireturns-webhooks.properties}: it reads with the views' linger and writes only for
 * events that have subscribers, so a second segment only added a transaction and a token write to most of its
 * batches (0.8 of each per return in {@code probe-cost}). See {@link OneSegmentWhileOptimised}.
 */
public class WebhookSegments extends OneSegmentWhileOptimised {

    public WebhookSegments() {
        super("omnireturns-webhook-segments", List.of(DeliveryRecorder.PROCESSING_GROUP));
    }
}
