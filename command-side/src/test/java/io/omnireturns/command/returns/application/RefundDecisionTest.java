package io.omnireturns.command.returns.application;

import io.omnireturns.command.WebReturnRequests;
import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.ledger.RefundAllocated;
import io.omnireturns.api.ledger.RefundableLine;
import io.omnireturns.api.returns.Disposition;
import io.omnireturns.api.returns.Grade;
import io.omnireturns.api.returns.InspectedLine;
import io.omnireturns.api.returns.ReceivedLine;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.api.returns.command.DecideRefund;
import io.omnireturns.api.returns.command.GrantGoodwill;
import io.omnireturns.api.returns.command.RecordInspection;
import io.omnireturns.api.returns.command.RecordReceipt;
import io.omnireturns.api.returns.event.ExceptionRaised;
import io.omnireturns.api.returns.event.RefundApproved;
import io.omnireturns.api.returns.event.RefundRequested;
import io.omnireturns.command.CommandSideIntegrationTest;
import io.omnireturns.command.ProcessManagerStopped;
import io.omnireturns.command.FreshOrders;
import io.omnireturns.command.connectors.orders.SandboxOrderSystem;
import io.omnireturns.command.returns.ReturnErrors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * DecideRefund on the real store: the ledger's allocation, the approval and the refund request in one unit of work, an
 * exception instead when the ledger refuses, nothing at all when the return refuses, and nothing new when sent again.
 * The process manager is stopped meanwhile, so only this test decides the refunds it looks at.
 */
@CommandSideIntegrationTest
@ProcessManagerStopped
class RefundDecisionTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SandboxOrderSystem orders;
    @Autowired
    CommandGateway commands;

    @Test
    void anInspectedReturnIsAllocatedApprovedAndRequestedByOneCommand() throws Exception {
        String orderId = FreshOrders.copyOfWebApparelOrder(orders);
        String returnId = inspectedReturn(orderId);

        commands.sendAndWait(decide(returnId, orderId, 1));

        assertThat(count(orderId, RefundAllocated.class)).isEqualTo(1);
        assertThat(count(returnId, RefundApproved.class)).isEqualTo(1);
        assertThat(payloads(returnId, RefundRequested.class))
                .singleElement().asString().contains("PAY-" + returnId);
    }

    @Test
    void aDecisionSentAgainChangesNothing() throws Exception {
        String orderId = FreshOrders.copyOfWebApparelOrder(orders);
        String returnId = inspectedReturn(orderId);
        commands.sendAndWait(decide(returnId, orderId, 1));
        long events = eventsOf(returnId) + eventsOf(orderId);

        commands.sendAndWait(decide(returnId, orderId, 1));

        assertThat(eventsOf(returnId) + eventsOf(orderId)).isEqualTo(events);
    }

    @Test
    void whenTheLedgerRefusesTheReturnRaisesAnExceptionOnce() throws Exception {
        String orderId = FreshOrders.copyOfWebApparelOrder(orders);
        String returnId = inspectedReturn(orderId);

        commands.sendAndWait(decide(returnId, orderId, 2)); // holds one item, claims two
        commands.sendAndWait(decide(returnId, orderId, 2));

        assertThat(count(orderId, RefundAllocated.class)).isZero();
        assertThat(count(returnId, RefundApproved.class)).isZero();
        assertThat(payloads(returnId, ExceptionRaised.class))
                .singleElement().asString().contains(RefundDecision.REFUND_DECISION).contains("REFUND_EXCEEDS_HELD");
    }

    @Test
    void whenTheReturnRefusesNothingIsLeftBehindNotEvenTheAllocation() throws Exception {
        String orderId = FreshOrders.copyOfWebApparelOrder(orders);
        String returnId = requestReturn(orderId); // authorized, not yet received nor inspected

        assertThatThrownBy(() -> commands.sendAndWait(decide(returnId, orderId, 1)))
                .isInstanceOfSatisfying(DomainException.class,
                        refused -> assertThat(refused.code()).isEqualTo(ReturnErrors.REFUND_BEFORE_INSPECTION));

        assertThat(count(orderId, RefundAllocated.class)).isZero();
        assertThat(count(returnId, RefundApproved.class)).isZero();
    }

    @Test
    void aGoodwillExceptionOnTheReturnHasTheLedgerPriceItWithoutDeductions() throws Exception {
        String orderId = FreshOrders.copyOfWebApparelOrder(orders);
        String returnId = requestReturn(orderId);
        commands.sendAndWait(new GrantGoodwill(returnId, "second fault this year", "service-agent"));
        receiveAndInspect(returnId, orderId + "-L1", Grade.USED);

        commands.sendAndWait(new DecideRefund(returnId, orderId, RefundMethod.ORIGINAL_TENDER,
                List.of(new RefundableLine(orderId + "-L1", 1, Grade.USED, ReturnReason.CHANGED_MIND)),
                "PAY-" + returnId));

        assertThat(payloads(returnId, RefundApproved.class)).singleElement().asString()
                .contains("GOODWILL_DEDUCTIONS_WAIVED");
    }

    private DecideRefund decide(String returnId, String orderId, int units) {
        return new DecideRefund(returnId, orderId, RefundMethod.ORIGINAL_TENDER,
                List.of(new RefundableLine(orderId + "-L1", units, Grade.NEW, ReturnReason.SIZE_OR_FIT)),
                "PAY-" + returnId);
    }

    private String inspectedReturn(String orderId) throws Exception {
        String returnId = requestReturn(orderId);
        receiveAndInspect(returnId, orderId + "-L1", Grade.NEW);
        return returnId;
    }

    private void receiveAndInspect(String returnId, String line, Grade grade) {
        commands.sendAndWait(new RecordReceipt(returnId, "RCPT-" + returnId, "DC-1",
                List.of(new ReceivedLine(line, 1, null))));
        commands.sendAndWait(new RecordInspection(returnId, "INSP-" + returnId,
                List.of(new InspectedLine(line, 1, 0, grade, Disposition.RESTOCK, false, null))));
    }

    private String requestReturn(String orderId) throws Exception {
        return WebReturnRequests.requestOneJacket(mvc, orderId);
    }

    private long count(String aggregateId, Class<?> payload) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry "
                + "WHERE aggregateidentifier = ? AND payloadtype = ?", Long.class, aggregateId, payload.getName());
    }

    private List<String> payloads(String aggregateId, Class<?> payload) {
        return jdbc.queryForList("SELECT convert_from(payload, 'UTF8') FROM domainevententry "
                + "WHERE aggregateidentifier = ? AND payloadtype = ?", String.class, aggregateId, payload.getName());
    }

    private long eventsOf(String aggregateId) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, aggregateId);
    }
}
