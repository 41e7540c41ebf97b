package io.omnireturns.command.returns;

import io.omnireturns.api.ledger.RefundableLine;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.orders.TenderType;
import io.omnireturns.api.returns.Grade;
import io.omnireturns.api.returns.KeptLine;
import io.omnireturns.api.returns.LineDecision;
import io.omnireturns.api.returns.LineRefund;
import io.omnireturns.api.returns.RefundBreakdown;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.RequestedLine;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.TenderRefund;
import io.omnireturns.api.returns.command.MarkGiftReturn;
import io.omnireturns.api.returns.command.RecordGiftCardIssued;
import io.omnireturns.api.returns.event.GiftCardIssued;
import io.omnireturns.api.returns.event.GiftReturnRecorded;
import io.omnireturns.api.returns.event.RefundApproved;
import io.omnireturns.api.returns.event.RefundIssued;
import io.omnireturns.api.returns.event.RefundRequested;
import io.omnireturns.api.returns.event.RefundSettled;
import io.omnireturns.api.returns.event.ReturnAuthorized;
import io.omnireturns.api.returns.event.ReturnInspectionCompleted;
import io.omnireturns.api.returns.event.ReturnLinesKept;
import io.omnireturns.api.returns.event.ReturnRequested;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.omnireturns.command.policy.OrderFixtures.EUR;
import static io.omnireturns.command.policy.OrderFixtures.anOrder;
import static io.omnireturns.command.policy.OrderFixtures.eur;
import static io.omnireturns.command.returns.ReturnFixtures.ORDER_ID;
import static io.omnireturns.command.returns.ReturnFixtures.RETURN_ID;
import static io.omnireturns.command.returns.ReturnFixtures.refusal;
import static io.omnireturns.command.returns.ReturnFixtures.returnFixture;

/**
 * A refund paid as a new gift card: a gift return may have one, and the gateway's card is recorded with its masked
 * code, issued and settled at once, exactly once. L1: two lip balms (2 x 3.95 + 1.58 tax), kept, so the return is
 * inspected at once.
 */
class GiftCardAggregateTest {

    private static final OrderSnapshot ORDER = anOrder().withLine("L1", 2, 395, 158)
            .paidWith("T1", TenderType.CARD, 948).build();
    private static final Money TOTAL = eur(948);

    private AggregateTestFixture<ReturnAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = returnFixture();
    }

    @Test
    void a_gift_return_refunded_as_a_gift_card_records_its_recipient() {
        fixture.given(requested(RefundMethod.GIFT_CARD))
                .when(new MarkGiftReturn(RETURN_ID, "Ada", "ada@example.com", false))
                .expectEvents(new GiftReturnRecorded(RETURN_ID, "Ada", "ada@example.com", false));
    }

    @Test
    void the_issued_card_is_recorded_with_its_masked_code_then_issued_and_settled_at_once() {
        fixture.given(refundPending(RefundMethod.GIFT_CARD))
                .when(new RecordGiftCardIssued(RETURN_ID, "PSP-GC-1", "****-****-0001", TOTAL))
                .expectEvents(new GiftCardIssued(RETURN_ID, "PSP-GC-1", "****-****-0001", TOTAL),
                        new RefundIssued(RETURN_ID, "PSP-GC-1", TOTAL),
                        new RefundSettled(RETURN_ID, "PSP-GC-1"))
                .expectResultMessagePayload(ReturnStatus.REFUNDED);
    }

    @Test
    void the_same_card_reported_again_changes_nothing() {
        List<Object> history = new ArrayList<>(refundPending(RefundMethod.GIFT_CARD));
        history.addAll(List.of(new GiftCardIssued(RETURN_ID, "PSP-GC-1", "****-****-0001", TOTAL),
                new RefundIssued(RETURN_ID, "PSP-GC-1", TOTAL), new RefundSettled(RETURN_ID, "PSP-GC-1")));

        fixture.given(history)
                .when(new RecordGiftCardIssued(RETURN_ID, "PSP-GC-1", "****-****-0001", TOTAL))
                .expectNoEvents();
    }

    @Test
    void a_card_of_another_value_than_approved_is_refused() {
        fixture.given(refundPending(RefundMethod.GIFT_CARD))
                .when(new RecordGiftCardIssued(RETURN_ID, "PSP-GC-1", "****-****-0001", eur(1000)))
                .expectNoEvents()
                .expectException(refusal(ReturnErrors.REFUND_AMOUNT_MISMATCH));
    }

    @Test
    void a_gift_card_is_not_recorded_for_a_return_refunded_otherwise() {
        fixture.given(refundPending(RefundMethod.STORE_CREDIT))
                .when(new RecordGiftCardIssued(RETURN_ID, "PSP-GC-1", "****-****-0001", TOTAL))
                .expectNoEvents()
                .expectException(refusal(ReturnErrors.ILLEGAL_TRANSITION));
    }

    private static List<Object> refundPending(RefundMethod method) {
        TenderRefund tender = method == RefundMethod.GIFT_CARD
                ? new TenderRefund("GIFT_CARD", TenderType.GIFT_CARD, TOTAL)
                : new TenderRefund("STORE_CREDIT", TenderType.STORE_CREDIT, TOTAL);
        RefundBreakdown refund = new RefundBreakdown(EUR, List.of(new LineRefund("L1", 2, eur(790), eur(158),
                eur(0), eur(0), TOTAL, List.of())), eur(0), TOTAL, List.of(tender));
        return List.of(requested(method),
                new ReturnAuthorized(RETURN_ID, List.of(new LineDecision("L1", 2, 2, List.of()))),
                new ReturnLinesKept(RETURN_ID, ORDER_ID, List.of(new KeptLine("L1", 2, "KEEP_IT_UNDER_VALUE"))),
                new ReturnInspectionCompleted(RETURN_ID, ORDER_ID, method,
                        List.of(new RefundableLine("L1", 2, Grade.NEW, ReturnReason.CHANGED_MIND)), Map.of(), false),
                new RefundApproved(RETURN_ID, refund),
                new RefundRequested(RETURN_ID, RETURN_ID + ":REFUND_PAYMENT", TOTAL));
    }

    private static ReturnRequested requested(RefundMethod method) {
        return new ReturnRequested(RETURN_ID, SalesChannel.WEB, null, "CUST-1", ORDER_ID, method,
                List.of(new RequestedLine("L1", 2, ReturnReason.CHANGED_MIND)), ORDER);
    }
}
