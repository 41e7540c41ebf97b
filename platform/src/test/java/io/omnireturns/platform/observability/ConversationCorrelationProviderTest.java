package io.omnireturns.platform.observability;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConversationCorrelationProviderTest {

    private final ConversationCorrelationProvider provider = new ConversationCorrelationProvider();

    @Test
    void a_message_caused_by_a_request_keeps_the_requests_correlation_and_trace_ids() {
        var command = GenericCommandMessage.asCommandMessage("record receipt")
                .andMetaData(MetaData.with("correlationId", "corr-1").and("traceId", "trace-1"));

        assertThat(java.util.Map.<String, Object>copyOf(provider.correlationDataFor(command)))
                .containsEntry("correlationId", "corr-1")
                .containsEntry("traceId", "trace-1")
                .containsEntry("causationId", command.getIdentifier());
    }

    @Test
    void a_message_without_ids_starts_a_conversation_named_after_itself() {
        var command = GenericCommandMessage.asCommandMessage("expire return");

        assertThat(java.util.Map.<String, Object>copyOf(provider.correlationDataFor(command)))
                .containsEntry("correlationId", command.getIdentifier())
                .containsEntry("traceId", command.getIdentifier())
                .containsEntry("causationId", command.getIdentifier());
    }
}
