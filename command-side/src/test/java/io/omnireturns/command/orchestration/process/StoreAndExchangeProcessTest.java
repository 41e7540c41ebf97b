package io.omnireturns.command.orchestration.process;

import io.omnireturns.api.orders.TenderType;
import io.omnireturns.api.returns.Disposition;
import io.omnireturns.api.returns.Grade;
import io.omnireturns.api.returns.InspectedLine;
import io.omnireturns.api.returns.LineRefund;
import io.omnireturns.api.returns.RefundBreakdown;
import io.omnireturns.api.returns.TenderRefund;
import io.omnireturns.api.returns.command.CompleteReturn;
import io.omnireturns.api.returns.command.DecideRefund;
import io.omnireturns.api.returns.command.RaiseException;
import io.omnireturns.command.connectors.crm.CustomerNotification;
import io.omnireturns.command.connectors.orders.ReplacementRequest;
import io.omnireturns.command.orchestration.StepCall;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.omnireturns.command.orchestration.process.Milestone.AUTHORIZED;
import static io.omnireturns.command.orchestration.process.Milestone.COMPLETED;
import static io.omnireturns.command.orchestration.process.Milestone.RECEIVED;
import static io.omnireturns.command.orchestration.process.Milestone.REFUNDED;
import static io.omnireturns.command.orchestration.process.ProcessRun.FRAUD_CHECK;
import static io.omnireturns.command.orchestration.process.ProcessRun.POST_CREDIT_MEMO;
import static io.omnireturns.command.orchestration.process.ProcessRun.REFUND_PAYMENT;
import static io.omnireturns.command.orchestration.process.ProcessRun.REPLACEMENT_ORDER;
import static io.omnireturns.command.orchestration.process.ProcessRun.REVERSE_LOYALTY;
import static io.omnireturns.command.orchestration.process.ProcessRun.TIMING;
import static io.omnireturns.command.orchestration.process.ProcessRun.calledKeys;
import static io.omnireturns.command.orchestration.process.ProcessRun.callsOf;
import static io.omnireturns.command.orchestration.process.ProcessRun.commands;
import static io.omnireturns.command.orchestration.process.ProcessRun.given;
import static io.omnireturns.command.orchestration.process.ProcessRun.inventory;
import static io.omnireturns.command.orchestration.process.ProcessRun.notice;
import static io.omnireturns.command.orchestration.process.ProcessRun.onlyCall;
import static io.omnireturns.command.orchestration.process.ReturnStory.BEANIES;
import static io.omnireturns.command.orchestration.process.ReturnStory.HOODIE;
import static io.omnireturns.command.orchestration.process.ReturnStory.JACKETS;
import static io.omnireturns.command.orchestration.process.ReturnStory.JEANS;
import static io.omnireturns.command.orchestration.process.ReturnStory.LARGER_JACKET_SKU;
import static io.omnireturns.command.orchestration.process.ReturnStory.RETURN_ID;
import static io.omnireturns.command.orchestration.process.ReturnStory.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A return taken back at the counter, an exchange for another size at the same price, and refunds that inspection
 * cut to nothing or to part: what each asks of the outside world, and what it never asks. (An exchange at another
 * price: {@code ExchangeDifferenceProcessTest}.)
 */
class StoreAndExchangeProcessTest {

    private static final String STORE = "STORE-001";

    // ---- a store return ------------------------------------------------------------------------------------

    @Test
    void aStoreReturnGoesFromCounterToCompletionWithoutALabelOrAWarehouseAdvice() {
        ReturnStory store = ReturnStory.atStore();
        ProcessRun run = new ProcessRun();

        List<ProcessAction> journey = new ArrayList<>(oneByOne(run, store.upToInspection()));
        journey.addAll(run.when(store.refundApproved(), store.refundRequested())); // DecideRefund publishes both
        journey.addAll(oneByOne(run, store.refundIssued(), store.refundSettled(), store.creditMemoPosted(),
                store.inventoryAdjustedForEveryLine(), store.loyaltyAdjusted(), store.notified(REFUNDED),
                store.completed(), store.notified(COMPLETED)));

        assertThat(calledKeys(journey)).containsExactly(FRAUD_CHECK, notice(AUTHORIZED), notice(RECEIVED),
                REFUND_PAYMENT, POST_CREDIT_MEMO, inventory(HOODIE), inventory(BEANIES), REVERSE_LOYALTY,
                notice(REFUNDED), notice(COMPLETED));
        List<Object> sent = commands(journey);
        assertThat(sent).hasSize(2).last().isEqualTo(new CompleteReturn(RETURN_ID));
        assertThat(sent.get(0)).isInstanceOf(DecideRefund.class);
        assertThat(run.process().finished()).isTrue();
    }

    @Test
    void aStoreReturnClearedOfFraudIsToldItIsApprovedInsteadOfBeingSentALabel() {
        ReturnStory store = ReturnStory.atStore();

        List<ProcessAction> actions = given(store.upToAuthorization()).when(store.fraudCleared());

        assertThat(calledKeys(actions)).containsExactly(notice(AUTHORIZED));
        assertThat(onlyCall(actions, StepCall.Notify.class).notification().message())
                .isEqualTo("Your return is approved.");
    }

    @Test
    void aStoreRefundGoesBackToTheCashAndTheCardOfTheSaleAndTheStockIntoTheStore() {
        ReturnStory store = ReturnStory.atStore();
        ProcessRun run = given(store.upToRefundApproval());

        StepCall.Refund refund = onlyCall(run.when(store.refundRequested()), StepCall.Refund.class);
        assertThat(refund.instruction().tenders()).containsExactly(
                new TenderRefund("ORD-1005-T1", TenderType.CASH, eur(2_000)),
                new TenderRefund("ORD-1005-T2", TenderType.CARD, eur(7_582)));

        assertThat(callsOf(run.when(store.refundIssued()), StepCall.Inventory.class))
                .extracting(call -> call.request().locationId(), call -> call.request().disposition())
                .containsOnly(tuple(STORE, Disposition.RESTOCK));
    }

    // ---- an exchange at the same price -----------------------------------------------------------------------

    @Test
    void anEvenExchangeOrdersTheOtherSizeAndAsksTheGatewayForNothing() {
        ReturnStory exchange = ReturnStory.exchange();

        List<ProcessAction> actions = given(exchange.upToInspection()).when(exchange.refundApproved());

        assertThat(calledKeys(actions)).containsExactly(REPLACEMENT_ORDER);
        assertThat(commands(actions)).isEmpty();
        assertThat(onlyCall(actions, StepCall.Replacement.class).request()).isEqualTo(new ReplacementRequest(
                RETURN_ID + ":REPLACEMENT_ORDER", RETURN_ID, "ORD-1001", "CUST-100",
                List.of(new ReplacementRequest.Item(JACKETS, LARGER_JACKET_SKU, 1))));
    }

    @Test
    void anEvenExchangeOnceOrderedPostsItsCreditMemoAndMovesTheStockButReversesNoPoints() {
        ReturnStory exchange = ReturnStory.exchange();

        List<ProcessAction> actions = given(exchange.upToRefundApproval()).when(exchange.replacementOrderCreated());

        assertThat(calledKeys(actions)).containsExactlyInAnyOrder(POST_CREDIT_MEMO, inventory(JACKETS),
                notice(REFUNDED));
    }

    @Test
    void anEvenExchangeIsCompletedWithNoGatewaySettlementToWaitFor() {
        ReturnStory exchange = ReturnStory.exchange();
        ProcessRun run = given(exchange.upToAllButTheRefundNotice());

        assertThat(commands(run.when(exchange.notified(REFUNDED)))).containsExactly(new CompleteReturn(RETURN_ID));
        assertThat(commands(run.after(TIMING.settlementSla().plusDays(1)).overdue()))
                .noneMatch(RaiseException.class::isInstance);
    }

    @Test
    void anExchangeWhoseItemInspectionRejectsOrdersNoReplacementAndOnlyBooksTheScrap() {
        ReturnStory base = ReturnStory.exchange();
        ReturnStory rejected = new ReturnStory(base.channel(), base.storeId(), base.refundMethod(), base.order(),
                base.lines(), base.receivingLocation(),
                List.of(new InspectedLine(JACKETS, 0, 1, Grade.DAMAGED, Disposition.SCRAP, false, "torn")),
                RefundBreakdown.none("EUR"));

        List<ProcessAction> actions = given(rejected.upToInspection()).when(rejected.refundApproved());

        assertThat(calledKeys(actions)).containsExactlyInAnyOrder(inventory(JACKETS), notice(REFUNDED));
    }

    // ---- a zero refund ---------------------------------------------------------------------------------------

    @Test
    void aZeroRefundAsksNeitherTheGatewayNorTheErpNorLoyaltyButBooksTheScrappedStock() {
        ReturnStory zero = ReturnStory.mailBack().rejectedAtInspection();

        List<ProcessAction> actions = given(zero.upToInspection()).when(zero.refundApproved());

        assertThat(calledKeys(actions)).containsExactlyInAnyOrder(inventory(JACKETS), inventory(JEANS),
                notice(REFUNDED));
        assertThat(commands(actions)).isEmpty();
        assertThat(callsOf(actions, StepCall.Inventory.class)).extracting(StepCall.Inventory::request)
                .containsExactlyInAnyOrderElementsOf(
                        ReturnStory.stockBookings(Disposition.SCRAP, Disposition.SCRAP));
    }

    @Test
    void theCustomerOfAZeroRefundIsToldNothingIsDueNotThatARefundIsOnItsWay() {
        ReturnStory zero = ReturnStory.mailBack().rejectedAtInspection();

        List<ProcessAction> actions = given(zero.upToInspection()).when(zero.refundApproved());

        CustomerNotification notice = onlyCall(actions, StepCall.Notify.class).notification();
        assertThat(notice.milestone()).isEqualTo("REFUNDED");
        assertThat(notice.message()).isEqualTo("Your return is settled: no refund is due for it.");
    }

    @Test
    void theCustomerOfARefundIsToldItIsOnItsWay() {
        ReturnStory paid = ReturnStory.mailBack();

        List<ProcessAction> issued = given(paid.upToRefundRequest()).when(paid.refundIssued());

        assertThat(onlyCall(issued, StepCall.Notify.class).notification().message())
                .isEqualTo("Your refund is on its way.");
    }

    @Test
    void aZeroRefundIsCompletedOnceItsStockIsBookedAndTheCustomerToldWithNoSettlementToWaitFor() {
        ReturnStory zero = ReturnStory.mailBack().rejectedAtInspection();
        ProcessRun run = given(zero.upToAllButTheRefundNotice());

        assertThat(run.when(zero.notified(REFUNDED)))
                .containsExactly(new ProcessAction.Send(ProcessTask.COMPLETION, new CompleteReturn(RETURN_ID)));
        assertThat(commands(run.after(TIMING.settlementSla().plusDays(1)).overdue()))
                .noneMatch(RaiseException.class::isInstance);
    }

    // ---- a partial refund --------------------------------------------------------------------------------------

    @Test
    void aPartialRefundPaysBackOnlyTheAcceptedJackets() {
        ReturnStory partial = jeansRejected();
        ProcessRun run = given(partial.upToRefundApproval());

        StepCall.Refund refund = onlyCall(run.when(partial.refundRequested()), StepCall.Refund.class);
        assertThat(refund.instruction().amount()).isEqualTo(eur(21_588));

        List<ProcessAction> issued = run.when(partial.refundIssued());
        assertThat(onlyCall(issued, StepCall.CreditMemo.class).request().lines()).extracting(LineRefund::orderLineId)
                .containsExactly(JACKETS);
        assertThat(onlyCall(issued, StepCall.CreditMemo.class).request().total()).isEqualTo(eur(21_588));
        assertThat(onlyCall(issued, StepCall.Loyalty.class).request().refundedAmount()).isEqualTo(eur(21_588));
    }

    @Test
    void aPartialRefundRestocksTheAcceptedJacketsAndScrapsTheRejectedJeans() {
        ReturnStory partial = jeansRejected();

        List<ProcessAction> issued = given(partial.upToRefundRequest()).when(partial.refundIssued());

        assertThat(callsOf(issued, StepCall.Inventory.class)).extracting(StepCall.Inventory::request)
                .containsExactlyInAnyOrderElementsOf(
                        ReturnStory.stockBookings(Disposition.RESTOCK, Disposition.SCRAP));
    }

    @Test
    void aPartialRefundIsNotCompletedUntilTheRejectedJeansAreBookedToo() {
        ReturnStory partial = jeansRejected();
        ProcessRun run = given(partial.upToRefundIssue(), partial.refundSettled(), partial.creditMemoPosted(),
                partial.inventoryAdjusted(JACKETS), partial.loyaltyAdjusted());

        assertThat(run.when(partial.notified(REFUNDED))).isEmpty();
        assertThat(commands(run.when(partial.inventoryAdjusted(JEANS)))).containsExactly(new CompleteReturn(RETURN_ID));
    }

    /** The mail-back return, but the jeans come back stained: the two jackets alone are refunded, 215.88 EUR. */
    private static ReturnStory jeansRejected() {
        ReturnStory base = ReturnStory.mailBack();
        return new ReturnStory(base.channel(), base.storeId(), base.refundMethod(), base.order(), base.lines(),
                base.receivingLocation(),
                List.of(new InspectedLine(JACKETS, 2, 0, Grade.NEW, Disposition.RESTOCK, false, null),
                        new InspectedLine(JEANS, 0, 1, Grade.UNSALEABLE, Disposition.SCRAP, false, "stained")),
                new RefundBreakdown("EUR",
                        List.of(new LineRefund(JACKETS, 2, eur(17_990), eur(3_598), eur(0), eur(0), eur(21_588),
                                List.of())),
                        eur(0), eur(21_588),
                        List.of(new TenderRefund("ORD-1001-T1", TenderType.CARD, eur(21_588)))));
    }

    /** Every event its own batch, and every action the process asked for on the way. */
    private static List<ProcessAction> oneByOne(ProcessRun run, Object... events) {
        List<ProcessAction> actions = new ArrayList<>();
        for (Object event : ReturnStory.events(events)) {
            actions.addAll(run.when(event));
        }
        return actions;
    }
}
