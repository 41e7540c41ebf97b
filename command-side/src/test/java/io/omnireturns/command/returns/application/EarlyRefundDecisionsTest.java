package io.omnireturns.command.returns.application;

import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.command.DecideEarlyRefund;
import io.omnireturns.api.returns.command.RecordParcelInTransit;
import io.omnireturns.command.CommandSideIntegrationTest;
import io.omnireturns.command.ProcessManagerStopped;
import io.omnireturns.command.FreshOrders;
import io.omnireturns.command.WebReturnRequests;
import io.omnireturns.command.connectors.orders.SandboxOrderSystem;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DecideEarlyRefund on the real store with the instant-refund policy as shipped: off, so a parcel's first scan
 * refunds nothing and the return waits for inspection as before. The process manager is stopped meanwhile.
 */
@CommandSideIntegrationTest
@ProcessManagerStopped
class EarlyRefundDecisionsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SandboxOrderSystem orders;
    @Autowired
    CommandGateway commands;

    @Test
    void with_the_policy_off_by_default_the_first_scan_refunds_nothing_and_books_nothing() throws Exception {
        String orderId = trustedCustomersOrder();
        String returnId = WebReturnRequests.requestOneJacket(mvc, orderId);
        assertThat(jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domainevententry "
                + "WHERE aggregateidentifier = ? AND payloadtype LIKE '%CustomerTrustAssessed'", String.class,
                returnId)).as("a customer the policy would refund early, were it on").contains("TRUSTED");
        commands.sendAndWait(new RecordParcelInTransit(returnId, "DHL", "TRK-" + returnId));
        long before = eventsOf(returnId) + eventsOf(orderId);

        commands.sendAndWait(new DecideEarlyRefund(returnId, orderId, RefundMethod.ORIGINAL_TENDER,
                returnId + ":REFUND_PAYMENT"));

        assertThat(eventsOf(returnId) + eventsOf(orderId)).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT instant_refund FROM customer_return_history WHERE return_id = ?",
                Boolean.class, returnId)).isFalse();
    }

    /** A copy of ORD-1001 bought by a customer of its own, with one small return before: TRUSTED. */
    private String trustedCustomersOrder() {
        OrderSnapshot copy = orders.findOrder(FreshOrders.copyOfWebApparelOrder(orders)).orElseThrow();
        String customer = "CUST-E-" + UUID.randomUUID().toString().substring(0, 8);
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

    private long eventsOf(String aggregateId) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, aggregateId);
    }
}
