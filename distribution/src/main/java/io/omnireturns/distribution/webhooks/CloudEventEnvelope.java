package io.omnireturns.distribution.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnireturns.api.integration.CanonicalEvent;
import io.omnireturns.platform.axon.AxonInfrastructureConfiguration;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A canonical event as a CloudEvents 1.0 JSON document, the body of a delivery. A stand-in, kept private to the
 * webhooks, until the module's one writer of the contract takes its place.
 */
final class CloudEventEnvelope {

    private static final ObjectMapper JSON = AxonInfrastructureConfiguration.storageObjectMapper();

    private CloudEventEnvelope() {
    }

    static byte[] write(CanonicalEvent event) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("specversion", CanonicalEvent.SPEC_VERSION);
        document.put("id", event.id());
        document.put("source", CanonicalEvent.SOURCE);
        document.put("type", event.type());
        document.put("subject", event.subject());
        document.put("time", event.time().toString());
        document.put("datacontenttype", CanonicalEvent.DATA_CONTENT_TYPE);
        document.put("data", event.data());
        try {
            return JSON.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("canonical event " + event.id() + " cannot be written as JSON", e);
        }
    }
}
