package io.omnireturns.command.returns.application;

import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.command.DecideEarlyRefund;
import io.omnireturns.api.returns.command.RecordParcelInTransit;
import io.omnireturns.command.CommandSideIntegrationTest;
import io.omnireturns.command.ProcessManagerStopped;
import io.omnireturns.command.FreshOrders;
import io.omnireturns.command.connectors.orders.DemoCatalogue;
import io.omnireturns.command.connectors.orders.SandboxOrderSystem;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * DecideEarlyRefund for an exchange on the real store, the instant-refund policy on and the tax service consulted as
 * shipped (every price difference): a trusted customer's size swap at the same price is settled at the scan in one
 * transaction, its difference decided even (the process then orders the replacement); a swap for the dearer model,
 * whose difference the tax service must tax, is left for inspection with nothing recorded. The process manager is
 * stopped meanwhile.
 */
@CommandSideIntegrationTest
@ProcessManagerStopped
@TestPropertySource(properties = "omnireturns.policy.instant-refund.enabled=true")
class EarlyExchangeDecisionsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SandboxOrderSystem orders;
    @Autowired
    CommandGateway commands;

    @Test
    void a_trusted_customers_size_swap_is_settled_at_the_first_scan_once() throws Exception {
        String orderId = trustedCustomersOrder();
        String returnId = exchangeOneJacketInTransit(orderId, DemoCatalogue.SAME_PRICE_JACKET_SKU);

        commands.sendAndWait(decision(returnId, orderId));
        commands.sendAndWait(decision(returnId, orderId)); // a redelivered scan

        assertThat(eventTypes(returnId)).containsSubsequence("ReturnParcelInTransit", "EarlyExchangeGranted",
                        "RefundApproved", "ExchangeDifferenceDecided")
                .doesNotContain("RefundRequested", "DifferenceChargeRequested")
                .filteredOn("EarlyExchangeGranted"::equals).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT instant_refund FROM customer_return_history WHERE return_id = ?",
                Boolean.class, returnId)).isTrue();
    }

    @Test
    void an_exchange_whose_price_difference_the_tax_service_must_tax_waits_for_inspection() throws Exception {
        String orderId = trustedCustomersOrder();
        String returnId = exchangeOneJacketInTransit(orderId, DemoCatalogue.DEARER_JACKET_SKU);
        long before = eventsOf(returnId) + eventsOf(orderId);

        commands.sendAndWait(decision(returnId, orderId));

        assertThat(eventsOf(returnId) + eventsOf(orderId)).isEqualTo(before);
    }

    private static DecideEarlyRefund decision(String returnId, String orderId) {
        return new DecideEarlyRefund(returnId, orderId, RefundMethod.EXCHANGE, returnId + ":REFUND_PAYMENT");
    }

    private String exchangeOneJacketInTransit(String orderId, String replacementSku) throws Exception {
        String answer = mvc.perform(post("/api/v1/returns").contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .content("""
                                {"orderId": "%1$s", "channel": "WEB", "refundMethod": "EXCHANGE", "lines": [
                                  {"orderLineId": "%1$s-L1", "quantity": 1, "reason": "SIZE_OR_FIT",
                                   "replacementSku": "%2$s"}]}""".formatted(orderId, replacementSku)))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        String returnId = new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer).path("returnId")
                .asText();
        commands.sendAndWait(new RecordParcelInTransit(returnId, "DHL", "TRK-" + returnId));
        return returnId;
    }

    /** A copy of ORD-1001 bought by a customer of its own, with one small return before: TRUSTED. */
    private String trustedCustomersOrder() {
        OrderSnapshot copy = orders.findOrder(FreshOrders.copyOfWebApparelOrder(orders)).orElseThrow();
        String customer = "CUST-X-" + UUID.randomUUID().toString().substring(0, 8);
        orders.register(new OrderSnapshot(copy.orderId(), customer, copy.soldThrough(), copy.soldAtStoreId(),
                copy.placedAt(), copy.fulfilledAt(), copy.fulfilmentLocationId(), copy.currency(), copy.lines(),
                copy.promotions(), copy.shippingCharged(), copy.shippingTax(), copy.tenders()));
        jdbc.update("""
                INSERT INTO customer_return_history (return_id, customer_id, order_id, currency, requested_at,
                                                     returned_minor, order_minor)
                VALUES (?, ?, ?, 'EUR', now() - interval '10 days', 1995, 29970)""",
                "PRIOR-" + customer, customer, "ORD-PRIOR-" + customer);
        return copy.orderId();
    }

    private List<String> eventTypes(String returnId) {
        return jdbc.queryForList("""
                SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber""",
                String.class, returnId).stream().map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }

    private long eventsOf(String aggregateId) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, aggregateId);
    }
}
