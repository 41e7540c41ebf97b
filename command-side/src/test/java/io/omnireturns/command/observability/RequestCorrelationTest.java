package io.omnireturns.command.observability;

import io.omnireturns.command.CommandSideIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnireturns.command.FreshOrders;
import io.omnireturns.command.connectors.orders.SandboxOrderSystem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The ids a request comes with reach every event it causes, on the return and on the order's ledger, as stored in
 * {@code domainevententry.metadata} for the auditors; a request without ids gets new ones, echoed on the answer.
 */
@CommandSideIntegrationTest
class RequestCorrelationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SandboxOrderSystem orders;

    @Test
    void a_requests_correlation_id_and_trace_reach_every_event_it_causes_and_come_back_on_the_answer() throws Exception {
        String orderId = freshOrder();
        MvcResult result = mvc.perform(returnRequest(orderId)
                        .header("X-Correlation-Id", "web-checkout-4711")
                        .header("traceparent", "00-" + TRACE_ID + "-b7ad6b7169203331-01")
                        .with(user("pos").roles("CHANNEL"))
                        .header("X-Actor", "cashier-17"))
                .andExpect(status().isCreated())
                .andExpect(header().string("X-Correlation-Id", "web-checkout-4711"))
                .andExpect(header().string("X-Trace-Id", TRACE_ID))
                .andReturn();
        String returnId = JSON.readTree(result.getResponse().getContentAsString()).path("returnId").asText();

        List<JsonNode> metadata = new ArrayList<>();
        metadata.addAll(metadataOfEvents(returnId));
        metadata.addAll(metadataOfEvents(orderId));

        assertThat(metadataOfEvents(returnId)).hasSizeGreaterThanOrEqualTo(2);
        assertThat(metadataOfEvents(orderId)).isNotEmpty();
        assertThat(metadata).allSatisfy(stored -> {
            assertThat(stored.path("correlationId").asText()).isEqualTo("web-checkout-4711");
            assertThat(stored.path("traceId").asText()).isEqualTo(TRACE_ID);
            // the signed-in caller, and the person it says it acts for
            assertThat(stored.path("actor").asText()).isEqualTo("pos on behalf of cashier-17");
            assertThat(stored.path("causationId").asText()).isNotBlank();
        });
    }

    @Test
    void a_request_without_ids_gets_new_ones_which_its_events_carry() throws Exception {
        MvcResult result = mvc.perform(returnRequest(freshOrder())).andExpect(status().isCreated()).andReturn();
        String correlationId = result.getResponse().getHeader("X-Correlation-Id");
        String traceId = result.getResponse().getHeader("X-Trace-Id");
        String returnId = JSON.readTree(result.getResponse().getContentAsString()).path("returnId").asText();

        assertThat(correlationId).isNotBlank();
        assertThat(traceId).matches("[0-9a-f]{32}");
        assertThat(metadataOfEvents(returnId)).allSatisfy(stored -> {
            assertThat(stored.path("correlationId").asText()).isEqualTo(correlationId);
            assertThat(stored.path("traceId").asText()).isEqualTo(traceId);
        });
    }

    @Test
    void an_error_answer_echoes_the_ids_too() throws Exception {
        mvc.perform(post("/api/v1/returns").contentType(MediaType.APPLICATION_JSON).content("{}")
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .header("X-Correlation-Id", "bad-request-1"))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("X-Correlation-Id", "bad-request-1"))
                .andExpect(header().exists("X-Trace-Id"));
    }

    private List<JsonNode> metadataOfEvents(String aggregateId) {
        return jdbc.queryForList("SELECT convert_from(metadata, 'UTF8') FROM domainevententry "
                        + "WHERE aggregateidentifier = ? ORDER BY sequencenumber", String.class, aggregateId)
                .stream().map(RequestCorrelationTest::parse).toList();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(json, e);
        }
    }

    private static MockHttpServletRequestBuilder returnRequest(String orderId) {
        return post("/api/v1/returns").contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .content("""
                        {"orderId": "%1$s", "channel": "WEB", "lines": [
                          {"orderLineId": "%1$s-L1", "quantity": 1, "reason": "SIZE_OR_FIT"}]}""".formatted(orderId));
    }

    private String freshOrder() {
        return FreshOrders.copyOfWebApparelOrder(orders);
    }
}
