package io.omnireturns.command.returns.application;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnireturns.command.CommandSideIntegrationTest;
import io.omnireturns.command.FreshOrders;
import io.omnireturns.command.connectors.orders.SandboxOrderSystem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A return request writes the return, the order's reservation, the eligibility decision and its key with the stored
 * answer in one transaction (PostgreSQL's {@code xmin}: the id of the transaction that wrote a row); a refused request
 * leaves nothing behind and its key free; a key a request left claimed but unanswered is taken over.
 */
@CommandSideIntegrationTest
class ReturnRequestTransactionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SandboxOrderSystem orders;

    @Test
    void aRequestWritesTheReturnItsReservationItsDecisionAndItsAnswerInOneTransaction() throws Exception {
        String orderId = FreshOrders.copyOfWebApparelOrder(orders);
        String key = UUID.randomUUID().toString();

        String returnId = returnIdOf(request(key, orderId, orderId + "-L1").andExpect(status().isCreated()));

        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier IN (?, ?)",
                Long.class, returnId, orderId)).as("the return's events and the ledger's reservation").isGreaterThan(2);
        assertThat(jdbc.queryForObject("""
                SELECT count(DISTINCT xmin::text) FROM (
                    SELECT xmin FROM domainevententry WHERE aggregateidentifier IN (?, ?)
                    UNION ALL
                    SELECT xmin FROM return_request_idempotency WHERE idempotency_key = ?) written""",
                Long.class, returnId, orderId, key)).as("written by one transaction").isEqualTo(1);
    }

    @Test
    void aRefusedRequestLeavesNothingBehindAndItsKeyFree() throws Exception {
        String orderId = FreshOrders.copyOfWebApparelOrder(orders);
        String key = UUID.randomUUID().toString();

        request(key, orderId, orderId + "-NO-SUCH-LINE").andExpect(status().isBadRequest());

        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, orderId)).as("no reservation on the order").isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM return_request_idempotency WHERE idempotency_key = ?",
                Long.class, key)).as("the key is free").isZero();
        request(key, orderId, orderId + "-L1").andExpect(status().isCreated());
    }

    @Test
    void aKeyLeftUnansweredByARequestThatDiedIsTakenOverAndAnsweredWithTheSameReturn() throws Exception {
        String orderId = FreshOrders.copyOfWebApparelOrder(orders);
        String key = UUID.randomUUID().toString();
        String returnId = returnIdOf(request(key, orderId, orderId + "-L1").andExpect(status().isCreated()));
        // what a request taken step by step leaves when it dies after creating its return: a claim, unanswered, old
        jdbc.update("""
                UPDATE return_request_idempotency SET response_status = NULL, response_body = NULL, answered_at = NULL,
                    created_at = TIMESTAMP '2000-01-01 00:00:00' WHERE idempotency_key = ?""", key);

        String retried = returnIdOf(request(key, orderId, orderId + "-L1").andExpect(status().isCreated()));

        assertThat(retried).as("the claimed return, not a second one").isEqualTo(returnId);
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM domainevententry WHERE sequencenumber = 0 AND type = 'ReturnAggregate'
                  AND convert_from(payload, 'UTF8') LIKE ?""", Long.class, "%\"orderId\":\"" + orderId + "\"%"))
                .as("returns of the order").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT response_status FROM return_request_idempotency WHERE idempotency_key = ?",
                Integer.class, key)).isEqualTo(201);
    }

    private ResultActions request(String key, String orderId, String orderLineId) throws Exception {
        return mvc.perform(post("/api/v1/returns").contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", key)
                .content("""
                        {"orderId": "%s", "channel": "WEB", "lines": [
                          {"orderLineId": "%s", "quantity": 1, "reason": "SIZE_OR_FIT"}]}"""
                        .formatted(orderId, orderLineId)));
    }

    private static String returnIdOf(ResultActions created) throws Exception {
        return JSON.readTree(created.andReturn().getResponse().getContentAsString()).path("returnId").asText();
    }
}
