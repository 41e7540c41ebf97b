package io.omnireturns.distribution.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnireturns.api.integration.CanonicalEvent;
import io.omnireturns.api.integration.CanonicalTypes;
import io.omnireturns.api.integration.RefundIssuedV1;
import io.omnireturns.api.integration.ReturnInitiatedV1;
import io.omnireturns.api.money.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CloudEventJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CloudEventJson cloudEvents = new CloudEventJson();

    private final CanonicalEvent refundIssued = new CanonicalEvent("0b6e-41", CanonicalTypes.REFUND_ISSUED,
            "RET-1", Instant.parse("2026-03-10T09:30:00.125Z"), 42,
            new RefundIssuedV1("RET-1", "psp_re_5530", Money.of(9536, "EUR")));

    @Test
    void a_canonical_event_is_written_with_every_cloudevents_attribute_and_exact_money() throws Exception {
        JsonNode document = JSON.readTree(cloudEvents.write(refundIssued));

        assertThat(document.get("specversion").asText()).isEqualTo("1.0");
        assertThat(document.get("id").asText()).isEqualTo("0b6e-41");
        assertThat(document.get("source").asText()).isEqualTo("urn:omnireturns");
        assertThat(document.get("type").asText()).isEqualTo("io.omnireturns.return.refund.issued.v1");
        assertThat(document.get("subject").asText()).isEqualTo("RET-1");
        assertThat(document.get("time").asText()).isEqualTo("2026-03-10T09:30:00.125Z");
        assertThat(document.get("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(document.get("dataschema").asText())
                .isEqualTo("urn:omnireturns:events:schemas:io.omnireturns.return.refund.issued.v1");
        assertThat(document.get("data").get("amount").get("minor").isIntegralNumber()).isTrue();
        assertThat(document.get("data").get("amount").get("minor").asLong()).isEqualTo(9536);
        assertThat(document.get("data").get("amount").get("currency").asText()).isEqualTo("EUR");
        assertThat(document.get("data").get("gatewayReference").asText()).isEqualTo("psp_re_5530");
    }

    @Test
    void the_sequence_is_a_zero_padded_string_so_that_string_order_is_stream_order() throws Exception {
        JsonNode document = JSON.readTree(cloudEvents.write(refundIssued));

        assertThat(document.get("sequence").isTextual()).isTrue();
        assertThat(document.get("sequence").asText()).isEqualTo("0000000000000000042");
        assertThat(CloudEventJson.sequence(9)).isLessThan(CloudEventJson.sequence(10));
        assertThat(CloudEventJson.sequence(Long.MAX_VALUE)).hasSize(19);
        assertThatThrownBy(() -> CloudEventJson.sequence(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void times_and_absent_values_are_written_as_iso_strings_and_explicit_nulls() throws Exception {
        CanonicalEvent initiated = new CanonicalEvent("e1", CanonicalTypes.RETURN_INITIATED, "RET-1",
                Instant.parse("2026-03-10T09:30:00Z"), 0,
                new ReturnInitiatedV1("RET-1", "ORD-1", "CUST-1", "WEB", null, "ORIGINAL_TENDER", "EUR",
                        Instant.parse("2026-03-02T10:15:00Z"), List.of()));

        JsonNode data = JSON.readTree(cloudEvents.write(initiated)).get("data");

        assertThat(data.get("orderPlacedAt").asText()).isEqualTo("2026-03-02T10:15:00Z");
        assertThat(data.has("storeId")).isTrue();
        assertThat(data.get("storeId").isNull()).isTrue();
    }

    @Test
    void a_deployment_that_serves_the_schemas_names_them_by_its_own_base() throws Exception {
        CloudEventJson served = new CloudEventJson("https://schemas.retailer.example/omnireturns/");

        assertThat(JSON.readTree(served.write(refundIssued)).get("dataschema").asText())
                .isEqualTo("https://schemas.retailer.example/omnireturns/io.omnireturns.return.refund.issued.v1");
    }

    @Test
    void every_example_event_reads_back_as_it_was_written() {
        assertThat(CanonicalExamples.events()).allSatisfy(event ->
                assertThat(cloudEvents.read(cloudEvents.write(event))).isEqualTo(event));
    }

    @Test
    void a_document_of_an_unknown_type_or_another_spec_version_is_refused() {
        String written = cloudEvents.write(refundIssued);

        assertThatThrownBy(() -> cloudEvents.read(written.replace("refund.issued.v1", "refund.issued.v9")))
                .hasMessageContaining("unknown event type");
        assertThatThrownBy(() -> cloudEvents.read(written.replace("\"specversion\":\"1.0\"", "\"specversion\":\"0.3\"")))
                .hasMessageContaining("CloudEvents 1.0");
    }
}
