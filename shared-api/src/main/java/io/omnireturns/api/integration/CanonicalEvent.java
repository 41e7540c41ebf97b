package io.omnireturns.api.integration;

import java.time.Instant;

/**
 * One canonical integration event: what the retailer's other systems (CRM, analytics, ERP) are told, in the public
 * contract that is kept apart from the internal events ({@link CanonicalEventTranslator} maps one to the other, so the
 * internal events can change without breaking a consumer). Written as a CloudEvents 1.0 JSON document by the
 * distribution module; the attributes below are the CloudEvents ones.
 *
 * @param id       unique and stable: the same internal event gives the same id every time it is translated, so a
 *                 consumer de-duplicates on it (re-publishing gives the ids of the first publication)
 * @param type     the versioned type, {@code io.omnireturns.return.<what happened>.v<N>}
 * @param subject  the return's id: the Kafka key, and what a return's order is kept per
 * @param time     when the internal event was stored
 * @param sequence the internal event's position in the return's stream; a return's canonical events are delivered
 *                 in this order
 * @param data     the type's payload: a record of this package, money in minor units with its currency, no personal
 *                 data beyond the pseudonymous customer id
 */
public record CanonicalEvent(String id, String type, String subject, Instant time, long sequence, Object data) {

    /** CloudEvents {@code specversion}. */
    public static final String SPEC_VERSION = "1.0";

    /** CloudEvents {@code source} of every event this service emits. */
    public static final String SOURCE = "urn:omnireturns";

    /** CloudEvents {@code datacontenttype}. */
    public static final String DATA_CONTENT_TYPE = "application/json";
}
