package io.omnireturns.distribution.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnireturns.api.integration.CanonicalEvent;
import io.omnireturns.platform.axon.AxonInfrastructureConfiguration;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A canonical event as a CloudEvents 1.0 JSON document (structured mode): the record's value on the topic.
 * Stand-in until the contract's own writer ({@code io.omnireturns.distribution.contract.CloudEventJson}) replaces it.
 */
final class CloudEventEnvelope {

    /** The Kafka {@code content-type} header of a structured CloudEvent. */
    static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

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
        document.put("sequence", event.sequence());
        document.put("data", event.data());
        try {
            return JSON.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("canonical event " + event.id() + " cannot be written as JSON", e);
        }
    }
}
