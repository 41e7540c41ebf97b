package io.omnireturns.command.orchestration.process;

import io.omnireturns.api.ledger.RefundableLine;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.orders.TenderType;
import io.omnireturns.api.returns.Disposition;
import io.omnireturns.api.returns.Grade;
import io.omnireturns.api.returns.KeptLine;
import io.omnireturns.api.returns.LineDecision;
import io.omnireturns.api.returns.LineRefund;
import io.omnireturns.api.returns.RefundBreakdown;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.RequestedLine;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.api.returns.TenderRefund;
import io.omnireturns.api.returns.command.DecideRefund;
import io.omnireturns.api.returns.command.ExpireReturn;
import io.omnireturns.api.returns.event.GiftReturnRecorded;
import io.omnireturns.api.returns.event.RefundApproved;
import io.omnireturns.api.returns.event.RefundIssued;
import io.omnireturns.api.returns.event.RefundRequested;
import io.omnireturns.api.returns.event.ReturnAuthorized;
import io.omnireturns.api.returns.event.ReturnInspectionCompleted;
import io.omnireturns.api.returns.event.ReturnLinesKept;
import io.omnireturns.api.returns.event.ReturnRequested;
import io.omnireturns.command.connectors.crm.CustomerNotification;
import io.omnireturns.command.connectors.erp.InventoryAdjustmentRequest;
import io.omnireturns.command.connectors.orders.DemoOrders;
import io.omnireturns.command.orchestration.StepCall;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.omnireturns.command.orchestration.process.ProcessRun.FRAUD_CHECK;
import static io.omnireturns.command.orchestration.process.ProcessRun.ISSUE_LABEL;
import static io.omnireturns.command.orchestration.process.ProcessRun.calledKeys;
import static io.omnireturns.command.orchestration.process.ProcessRun.commands;
import static io.omnireturns.command.orchestration.process.ProcessRun.given;
import static io.omnireturns.command.orchestration.process.ProcessRun.inventory;
import static io.omnireturns.command.orchestration.process.ProcessRun.notice;
import static io.omnireturns.command.orchestration.process.ProcessRun.onlyCall;
import static io.omnireturns.command.orchestration.process.ReturnStory.NOW;
import static io.omnireturns.command.orchestration.process.ReturnStory.RETURN_ID;
import static io.omnireturns.command.orchestration.process.ReturnStory.eur;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The paths a shopper's choice opens in the flow: a "keep it" return (no label, no parcel, written off), a store
 * return that waits for its fraud decision before any refund, and a gift return whose notices go to the recipient.
 */
class ShopperOptionsProcessTest {

    @Nested
    class KeepIt {

        private static final OrderSnapshot ORDER = DemoOrders.keepItOrder(NOW);
        private static final String BALMS = ORDER.orderId() + "-L1";
        private static final String TOTE = ORDER.orderId() + "-L2";
        private static final List<RefundableLine> REFUNDABLE =
                List.of(new RefundableLine(BALMS, 2, Grade.NEW, ReturnReason.CHANGED_MIND));
        private static final RefundBreakdown REFUND = new RefundBreakdown("EUR",
                List.of(new LineRefund(BALMS, 2, eur(790), eur(158), eur(0), eur(0), eur(948), List.of())),
                eur(0), eur(948), List.of(new TenderRefund(ORDER.orderId() + "-T1", TenderType.CARD, eur(948))));

        private final ReturnRequested requested = new ReturnRequested(RETURN_ID, SalesChannel.WEB, null, "CUST-920",
                ORDER.orderId(), RefundMethod.ORIGINAL_TENDER,
                List.of(new RequestedLine(BALMS, 2, ReturnReason.CHANGED_MIND)), ORDER);
        private final ReturnAuthorized authorized =
                new ReturnAuthorized(RETURN_ID, List.of(new LineDecision(BALMS, 2, 2, List.of())));
        private final ReturnLinesKept kept = new ReturnLinesKept(RETURN_ID, ORDER.orderId(),
                List.of(new KeptLine(BALMS, 2, "KEEP_IT_CATEGORY")));
        private final ReturnInspectionCompleted nothingToInspect = new ReturnInspectionCompleted(RETURN_ID,
                ORDER.orderId(), RefundMethod.ORIGINAL_TENDER, REFUNDABLE, Map.of(), false);

        @Test
        void a_kept_return_is_checked_for_fraud_but_decides_no_refund_before_the_score_clears_it() {
            List<ProcessAction> actions = given(requested).when(authorized, kept, nothingToInspect);

            assertThat(calledKeys(actions)).containsExactly(FRAUD_CHECK);
            assertThat(commands(actions)).isEmpty();
        }

        @Test
        void once_cleared_a_kept_return_gets_no_label_and_its_refund_is_decided_at_once() {
            List<ProcessAction> actions = given(requested, authorized, kept, nothingToInspect)
                    .when(ReturnStory.mailBack().fraudCleared());

            assertThat(calledKeys(actions)).doesNotContain(ISSUE_LABEL).isEmpty();
            assertThat(commands(actions)).containsExactly(new DecideRefund(RETURN_ID, ORDER.orderId(),
                    RefundMethod.ORIGINAL_TENDER, REFUNDABLE, RETURN_ID + ":REFUND_PAYMENT"));
        }

        @Test
        void a_kept_return_never_expires_for_want_of_a_parcel() {
            ProcessRun run = given(requested, authorized, kept, nothingToInspect, ReturnStory.mailBack().fraudCleared());

            assertThat(commands(run.after(Duration.ofDays(365)).overdue()))
                    .noneMatch(ExpireReturn.class::isInstance);
        }

        @Test
        void once_paid_the_kept_items_are_written_off_where_the_order_shipped_from() {
            List<ProcessAction> actions = given(requested, authorized, kept, nothingToInspect,
                    ReturnStory.mailBack().fraudCleared(), new RefundApproved(RETURN_ID, REFUND),
                    new RefundRequested(RETURN_ID, RETURN_ID + ":REFUND_PAYMENT", eur(948)))
                    .when(new RefundIssued(RETURN_ID, "PSP-1", eur(948)));

            assertThat(calledKeys(actions)).contains(inventory(BALMS));
            assertThat(onlyCall(actions, StepCall.Inventory.class).request()).isEqualTo(new InventoryAdjustmentRequest(
                    RETURN_ID + ":ADJUST_INVENTORY:" + BALMS, RETURN_ID, BALMS, "LIP-BALM-SPF15", 2,
                    Disposition.SCRAP, DemoOrders.WEB_DISTRIBUTION_CENTRE));
        }

        @Test
        void a_mixed_return_still_ships_its_other_lines_and_the_label_counts_only_them() {
            ReturnRequested mixed = new ReturnRequested(RETURN_ID, SalesChannel.WEB, null, "CUST-920",
                    ORDER.orderId(), RefundMethod.ORIGINAL_TENDER,
                    List.of(new RequestedLine(BALMS, 2, ReturnReason.CHANGED_MIND),
                            new RequestedLine(TOTE, 1, ReturnReason.CHANGED_MIND)), ORDER);
            ReturnAuthorized both = new ReturnAuthorized(RETURN_ID, List.of(new LineDecision(BALMS, 2, 2, List.of()),
                    new LineDecision(TOTE, 1, 1, List.of())));

            List<ProcessAction> actions = given(mixed, both, kept).when(ReturnStory.mailBack().fraudCleared());

            assertThat(calledKeys(actions)).containsExactly(ISSUE_LABEL);
            assertThat(onlyCall(actions, StepCall.Label.class).request().items()).isEqualTo(1);
        }
    }

    @Nested
    class StoreReturnWaitingForFraud {

        private final ReturnStory story = ReturnStory.atStore();

        @Test
        void a_store_return_inspected_before_its_fraud_score_is_not_refunded() {
            List<ProcessAction> actions = given(story.requested(), story.authorized(), story.itemsReceived(),
                    story.linesInspected()).when(story.inspectionCompleted());

            assertThat(commands(actions)).noneMatch(DecideRefund.class::isInstance);
        }

        @Test
        void once_the_score_answers_low_risk_the_store_return_is_refunded() {
            List<ProcessAction> actions = given(story.requested(), story.authorized(), story.itemsReceived(),
                    story.linesInspected(), story.inspectionCompleted()).when(story.fraudCleared());

            // (the store return carries its store for the tax service: what matters here is that it is decided)
            assertThat(commands(actions)).singleElement().isInstanceOfSatisfying(DecideRefund.class, decide -> {
                assertThat(decide.lines()).isEqualTo(story.refundableLines());
                assertThat(decide.refundMethod()).isEqualTo(story.refundMethod());
                assertThat(decide.paymentKey()).isEqualTo(RETURN_ID + ":REFUND_PAYMENT");
            });
        }

        @Test
        void a_high_score_keeps_the_store_return_unrefunded() {
            List<ProcessAction> actions = given(story.requested(), story.authorized(), story.itemsReceived(),
                    story.linesInspected(), story.inspectionCompleted()).when(story.fraudFlagged());

            assertThat(commands(actions)).noneMatch(DecideRefund.class::isInstance);
        }
    }

    @Nested
    class GiftReturn {

        private final ReturnStory story = ReturnStory.mailBack();

        @Test
        void the_notices_of_a_gift_return_go_to_the_recipient_and_not_to_the_buyer() {
            List<ProcessAction> actions = given(story.requested(),
                    new GiftReturnRecorded(RETURN_ID, "Ada", "ada@example.com", false), story.authorized())
                    .when(story.fraudCleared(), story.labelIssued());

            assertThat(onlyCall(actions, StepCall.Notify.class).notification()).isEqualTo(new CustomerNotification(
                    RETURN_ID + ":NOTIFY_CUSTOMER:LABEL_ISSUED", RETURN_ID, "CUST-100", "LABEL_ISSUED",
                    "Your return is approved; your return label is ready.",
                    new CustomerNotification.Gift("ada@example.com", false)));
            assertThat(calledKeys(actions)).contains(notice(Milestone.LABEL_ISSUED));
        }

        @Test
        void the_buyer_is_told_too_when_the_policy_says_so() {
            List<ProcessAction> actions = given(story.requested(),
                    new GiftReturnRecorded(RETURN_ID, "Ada", "ada@example.com", true), story.authorized())
                    .when(story.fraudCleared(), story.labelIssued());

            assertThat(onlyCall(actions, StepCall.Notify.class).notification().gift().buyerNotified()).isTrue();
        }
    }
}
