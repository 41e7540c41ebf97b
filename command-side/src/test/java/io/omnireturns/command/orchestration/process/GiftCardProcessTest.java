package io.omnireturns.command.orchestration.process;

import io.omnireturns.api.ledger.RefundableLine;
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
import io.omnireturns.api.returns.TenderRefund;
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
import io.omnireturns.command.connectors.crm.CustomerNotification;
import io.omnireturns.command.connectors.orders.DemoOrders;
import io.omnireturns.command.connectors.payments.CreditRecipient;
import io.omnireturns.command.connectors.payments.GiftCardInstruction;
import io.omnireturns.command.orchestration.StepCall;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.omnireturns.command.orchestration.process.ProcessRun.REFUND_PAYMENT;
import static io.omnireturns.command.orchestration.process.ProcessRun.calledKeys;
import static io.omnireturns.command.orchestration.process.ProcessRun.callsOf;
import static io.omnireturns.command.orchestration.process.ProcessRun.given;
import static io.omnireturns.command.orchestration.process.ProcessRun.notice;
import static io.omnireturns.command.orchestration.process.ProcessRun.onlyCall;
import static io.omnireturns.command.orchestration.process.ReturnStory.NOW;
import static io.omnireturns.command.orchestration.process.ReturnStory.RETURN_ID;
import static io.omnireturns.command.orchestration.process.ReturnStory.eur;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refund paid as a new gift card: the payment step asks the gateway for a card (never a refund to the buyer's
 * tenders), issued to a gift return's recipient or else to the customer, and the refund notice carries its masked code.
 * A gift return's store credit, too, is issued to its recipient.
 */
class GiftCardProcessTest {

    private static final OrderSnapshot ORDER = DemoOrders.keepItOrder(NOW);
    private static final String BALMS = ORDER.orderId() + "-L1";
    private static final List<RefundableLine> REFUNDABLE =
            List.of(new RefundableLine(BALMS, 2, Grade.NEW, ReturnReason.CHANGED_MIND));
    private static final RefundBreakdown REFUND = new RefundBreakdown("EUR",
            List.of(new LineRefund(BALMS, 2, eur(790), eur(158), eur(0), eur(0), eur(948), List.of())),
            eur(0), eur(948), List.of(new TenderRefund("GIFT_CARD", TenderType.GIFT_CARD, eur(948))));
    private static final GiftReturnRecorded GIFT = new GiftReturnRecorded(RETURN_ID, "Ada", "ada@example.com", false);

    @Test
    void a_gift_returns_card_is_asked_for_its_recipient_and_names_neither_the_buyer_nor_a_tender() {
        List<ProcessAction> actions = given(upToApproval(true).toArray()).when(requested());

        assertThat(calledKeys(actions)).contains(REFUND_PAYMENT);
        assertThat(callsOf(actions, StepCall.Refund.class)).isEmpty();
        assertThat(onlyCall(actions, StepCall.GiftCard.class).instruction()).isEqualTo(new GiftCardInstruction(
                RETURN_ID + ":REFUND_PAYMENT", RETURN_ID, ORDER.orderId(), eur(948),
                CreditRecipient.giftRecipient("Ada", "ada@example.com")));
    }

    @Test
    void a_customers_own_return_gets_the_card_on_the_customer_on_file() {
        List<ProcessAction> actions = given(upToApproval(false).toArray()).when(requested());

        assertThat(onlyCall(actions, StepCall.GiftCard.class).instruction().recipient())
                .isEqualTo(CreditRecipient.customer("CUST-920"));
    }

    @Test
    void the_refund_notice_goes_to_the_recipient_with_the_cards_masked_code() {
        List<Object> history = new ArrayList<>(upToApproval(true));
        history.add(requested());
        List<ProcessAction> actions = given(history.toArray()).when(
                new GiftCardIssued(RETURN_ID, "PSP-GC-1", "****-****-0001", eur(948)),
                new RefundIssued(RETURN_ID, "PSP-GC-1", eur(948)), new RefundSettled(RETURN_ID, "PSP-GC-1"));

        assertThat(calledKeys(actions)).contains(notice(Milestone.REFUNDED)).doesNotContain(REFUND_PAYMENT);
        CustomerNotification refunded = callsOf(actions, StepCall.Notify.class).stream()
                .map(StepCall.Notify::notification)
                .filter(notification -> notification.milestone().equals("REFUNDED")).findFirst().orElseThrow();
        assertThat(refunded.gift()).isEqualTo(new CustomerNotification.Gift("ada@example.com", false));
        assertThat(refunded.giftCardCode()).isEqualTo("****-****-0001");
    }

    @Test
    void a_gift_returns_store_credit_is_issued_to_its_recipient_and_a_customers_own_to_nobody_named() {
        RefundBreakdown credit = new RefundBreakdown("EUR", REFUND.lines(), eur(0), eur(948),
                List.of(new TenderRefund("STORE_CREDIT", TenderType.STORE_CREDIT, eur(948))));
        List<Object> gift = new ArrayList<>(upToApproval(true, RefundMethod.STORE_CREDIT, credit));
        List<Object> own = new ArrayList<>(upToApproval(false, RefundMethod.STORE_CREDIT, credit));

        assertThat(onlyCall(given(gift.toArray()).when(requested()), StepCall.Refund.class).instruction()
                .storeCreditHolder()).isEqualTo(CreditRecipient.giftRecipient("Ada", "ada@example.com"));
        assertThat(onlyCall(given(own.toArray()).when(requested()), StepCall.Refund.class).instruction()
                .storeCreditHolder()).isNull();
    }

    private static List<Object> upToApproval(boolean gift) {
        return upToApproval(gift, RefundMethod.GIFT_CARD, REFUND);
    }

    private static List<Object> upToApproval(boolean gift, RefundMethod method, RefundBreakdown refund) {
        List<Object> events = new ArrayList<>();
        events.add(new ReturnRequested(RETURN_ID, SalesChannel.WEB, null, "CUST-920", ORDER.orderId(),
                method, List.of(new RequestedLine(BALMS, 2, ReturnReason.CHANGED_MIND)), ORDER));
        if (gift) {
            events.add(GIFT);
        }
        events.addAll(List.of(new ReturnAuthorized(RETURN_ID, List.of(new LineDecision(BALMS, 2, 2, List.of()))),
                new ReturnLinesKept(RETURN_ID, ORDER.orderId(), List.of(new KeptLine(BALMS, 2, "KEEP_IT_CATEGORY"))),
                new ReturnInspectionCompleted(RETURN_ID, ORDER.orderId(), method, REFUNDABLE, Map.of(), false),
                ReturnStory.mailBack().fraudCleared(), new RefundApproved(RETURN_ID, refund)));
        return events;
    }

    private static RefundRequested requested() {
        return new RefundRequested(RETURN_ID, RETURN_ID + ":REFUND_PAYMENT", eur(948));
    }
}
