package io.omnireturns.command.returns;

import io.omnireturns.api.ledger.RefundableLine;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.orders.TenderType;
import io.omnireturns.api.returns.ClawbackKind;
import io.omnireturns.api.returns.Disposition;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.returns.Grade;
import io.omnireturns.api.returns.InspectedLine;
import io.omnireturns.api.returns.LineDecision;
import io.omnireturns.api.returns.LineRefund;
import io.omnireturns.api.returns.ProcessStep;
import io.omnireturns.api.returns.ReceivedLine;
import io.omnireturns.api.returns.RefundBreakdown;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.RequestedLine;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.TenderRefund;
import io.omnireturns.api.returns.TrustTier;
import io.omnireturns.api.returns.command.ApproveEarlyRefund;
import io.omnireturns.api.returns.command.CompleteReturn;
import io.omnireturns.api.returns.command.RecordClawbackCharged;
import io.omnireturns.api.returns.command.RecordClawbackDecision;
import io.omnireturns.api.returns.command.RecordClawbackMemoPosted;
import io.omnireturns.api.returns.command.RecordLoyaltyPointsRestored;
import io.omnireturns.api.returns.event.LoyaltyAdjusted;
import io.omnireturns.api.returns.event.LoyaltyPointsRestored;
import io.omnireturns.api.returns.event.ClawbackMemoPosted;
import io.omnireturns.api.returns.command.RecordInspection;
import io.omnireturns.api.returns.command.RecordReceipt;
import io.omnireturns.api.returns.command.RecordRefundRequested;
import io.omnireturns.api.returns.command.RecordStepFailure;
import io.omnireturns.api.returns.event.ClawbackChargeFailed;
import io.omnireturns.api.returns.event.ClawbackCharged;
import io.omnireturns.api.returns.event.ClawbackDecided;
import io.omnireturns.api.returns.event.CreditMemoPosted;
import io.omnireturns.api.returns.event.CustomerNotified;
import io.omnireturns.api.returns.event.CustomerTrustAssessed;
import io.omnireturns.api.returns.event.EarlyRefundGranted;
import io.omnireturns.api.returns.event.ExceptionRaised;
import io.omnireturns.api.returns.event.InventoryAdjusted;
import io.omnireturns.api.returns.event.RefundApproved;
import io.omnireturns.api.returns.event.RefundIssued;
import io.omnireturns.api.returns.event.RefundRequested;
import io.omnireturns.api.returns.event.RefundSettled;
import io.omnireturns.api.returns.event.ReturnAuthorized;
import io.omnireturns.api.returns.event.ReturnCompleted;
import io.omnireturns.api.returns.event.ReturnInspectionCompleted;
import io.omnireturns.api.returns.event.ReturnItemsReceived;
import io.omnireturns.api.returns.event.ReturnLinesInspected;
import io.omnireturns.api.returns.event.ReturnParcelInTransit;
import io.omnireturns.api.returns.event.ReturnRequested;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.omnireturns.command.policy.OrderFixtures.anOrder;
import static io.omnireturns.command.returns.ReturnFixtures.ORDER_ID;
import static io.omnireturns.command.returns.ReturnFixtures.RETURN_ID;
import static io.omnireturns.command.returns.ReturnFixtures.refusal;
import static io.omnireturns.command.returns.ReturnFixtures.returnFixture;

/**
 * A trusted customer's return refunded at its first carrier scan: both units of L1 (50.00 + 10.00 tax each) are
 * refunded early, 120.00 EUR to the card; the parcel still comes and is inspected, and one damaged unit leaves a
 * shortfall of 60.00 EUR that inspection claws back. Amounts are minor units.
 */
class InstantRefundAggregateTest {

    private static final OrderSnapshot ORDER = anOrder()
            .withLine("L1", 2, 5000, 2000)
            .paidWith("T1", TenderType.CARD, 12_000)
            .build();
    private static final Money EARLY = eur(12_000);
    private static final RefundBreakdown EARLY_REFUND = new RefundBreakdown("EUR",
            List.of(new LineRefund("L1", 2, eur(10_000), eur(2_000), eur(0), eur(0), EARLY, List.of())), eur(0),
            EARLY, List.of(new TenderRefund("T1", TenderType.CARD, EARLY)));
    private static final String PAYMENT_KEY = RETURN_ID + ":REFUND_PAYMENT";
    private static final String CLAWBACK_KEY = RETURN_ID + ":CLAWBACK_CHARGE";
    private static final InspectedLine ONE_DAMAGED = new InspectedLine("L1", 1, 1, Grade.NEW, Disposition.RESTOCK,
            false, "one came back torn");

    private AggregateTestFixture<ReturnAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = returnFixture();
    }

    @Test
    void a_trusted_customers_parcel_in_transit_is_refunded_as_declared_before_anything_arrives() {
        fixture.given(inTransit(TrustTier.TRUSTED))
                .when(new ApproveEarlyRefund(RETURN_ID, EARLY_REFUND))
                .expectEvents(new EarlyRefundGranted(RETURN_ID, EARLY, TrustTier.TRUSTED),
                        new RefundApproved(RETURN_ID, EARLY_REFUND))
                .expectResultMessagePayload(ReturnStatus.IN_TRANSIT);
    }

    @Test
    void the_early_refund_is_requested_from_the_gateway_while_the_parcel_is_on_its_way() {
        fixture.given(earlyRefunded())
                .when(new RecordRefundRequested(RETURN_ID, PAYMENT_KEY, EARLY))
                .expectEvents(new RefundRequested(RETURN_ID, PAYMENT_KEY, EARLY))
                .expectResultMessagePayload(ReturnStatus.REFUND_PENDING);
    }

    @Test
    void a_second_scan_refunds_nothing_more() {
        fixture.given(earlyRefunded())
                .when(new ApproveEarlyRefund(RETURN_ID, EARLY_REFUND))
                .expectNoEvents();
    }

    @Test
    void a_return_not_yet_in_transit_is_not_refunded_early() {
        List<Object> authorized = new ArrayList<>(inTransit(TrustTier.TRUSTED));
        authorized.remove(authorized.size() - 1);
        fixture.given(authorized)
                .when(new ApproveEarlyRefund(RETURN_ID, EARLY_REFUND))
                .expectNoEvents()
                .expectException(refusal(ReturnErrors.ILLEGAL_TRANSITION));
    }

    @Test
    void a_watched_customer_is_never_refunded_before_inspection() {
        fixture.given(inTransit(TrustTier.WATCHED))
                .when(new ApproveEarlyRefund(RETURN_ID, EARLY_REFUND))
                .expectNoEvents()
                .expectException(refusal(ReturnErrors.EARLY_REFUND_NOT_ALLOWED));
    }

    @Test
    void an_early_refund_for_more_than_was_authorized_is_refused() {
        Money three = eur(18_000);
        RefundBreakdown tooMuch = new RefundBreakdown("EUR", List.of(new LineRefund("L1", 3, eur(15_000),
                eur(3_000), eur(0), eur(0), three, List.of())), eur(0), three,
                List.of(new TenderRefund("T1", TenderType.CARD, three)));
        fixture.given(inTransit(TrustTier.TRUSTED))
                .when(new ApproveEarlyRefund(RETURN_ID, tooMuch))
                .expectNoEvents()
                .expectException(refusal(ReturnErrors.REFUND_EXCEEDS_ACCEPTED));
    }

    @Test
    void the_parcel_is_received_after_the_early_refund_and_the_return_stays_refunded() {
        fixture.given(paidEarly())
                .when(new RecordReceipt(RETURN_ID, "RCPT-1", "DC-1", List.of(new ReceivedLine("L1", 2, null))))
                .expectEvents(new ReturnItemsReceived(RETURN_ID, "RCPT-1", "DC-1",
                        List.of(new ReceivedLine("L1", 2, null)), List.of()))
                .expectResultMessagePayload(ReturnStatus.REFUNDED);
    }

    @Test
    void the_parcel_is_inspected_after_the_early_refund_and_inspection_completes() {
        fixture.given(then(paidEarly(), received()))
                .when(new RecordInspection(RETURN_ID, "INSP-1", List.of(ONE_DAMAGED)))
                .expectEvents(new ReturnLinesInspected(RETURN_ID, "INSP-1", List.of(ONE_DAMAGED)),
                        new ReturnInspectionCompleted(RETURN_ID, ORDER_ID, RefundMethod.ORIGINAL_TENDER,
                                List.of(new RefundableLine("L1", 1, Grade.NEW, ReturnReason.CHANGED_MIND)), Map.of(),
                                false))
                .expectResultMessagePayload(ReturnStatus.REFUNDED);
    }

    @Test
    void inspection_finding_one_damaged_unit_claws_back_exactly_its_share() {
        fixture.given(inspected())
                .when(new RecordClawbackDecision(RETURN_ID, eur(6_000), ClawbackKind.CHARGE, eur(6_000),
                        CLAWBACK_KEY))
                .expectEvents(new ClawbackDecided(RETURN_ID, EARLY, eur(6_000), eur(6_000), ClawbackKind.CHARGE,
                        CLAWBACK_KEY));
    }

    @Test
    void a_clawback_off_by_one_cent_is_refused() {
        fixture.given(inspected())
                .when(new RecordClawbackDecision(RETURN_ID, eur(6_000), ClawbackKind.CHARGE, eur(5_999),
                        CLAWBACK_KEY))
                .expectNoEvents()
                .expectException(refusal(ReturnErrors.REFUND_AMOUNT_MISMATCH));
    }

    @Test
    void an_inspection_that_confirms_the_early_refund_takes_nothing_back() {
        fixture.given(inspected())
                .when(new RecordClawbackDecision(RETURN_ID, EARLY, ClawbackKind.NOTHING, eur(0), CLAWBACK_KEY))
                .expectEvents(new ClawbackDecided(RETURN_ID, EARLY, EARLY, eur(0), ClawbackKind.NOTHING, null));
    }

    @Test
    void a_clawback_by_case_raises_an_exception_for_an_agent_without_holding_the_return() {
        fixture.given(inspected())
                .when(new RecordClawbackDecision(RETURN_ID, eur(6_000), ClawbackKind.CASE, eur(6_000), CLAWBACK_KEY))
                .expectEvents(new ClawbackDecided(RETURN_ID, EARLY, eur(6_000), eur(6_000), ClawbackKind.CASE, null),
                        new ExceptionRaised(RETURN_ID, "EX-" + RETURN_ID + "-1", ProcessStep.CLAWBACK_CHARGE,
                                "CLAWBACK_CASE", ExternalSystem.PAYMENT, "CLAWBACK_CASE", "inspection refunds "
                                + eur(6_000) + " of the " + EARLY + " refunded early: " + eur(6_000)
                                + " to recover from the customer", 0))
                .expectResultMessagePayload(ReturnStatus.REFUNDED);
    }

    @Test
    void the_clawback_is_not_decided_before_inspection() {
        fixture.given(then(paidEarly(), received()))
                .when(new RecordClawbackDecision(RETURN_ID, eur(6_000), ClawbackKind.CHARGE, eur(6_000),
                        CLAWBACK_KEY))
                .expectNoEvents()
                .expectException(refusal(ReturnErrors.LINE_NOT_INSPECTED));
    }

    @Test
    void the_return_completes_only_once_the_clawback_is_charged_and_the_erp_has_its_debit_memo() {
        fixture.given(then(settledApartFromClawback(), clawbackDecided()))
                .when(new CompleteReturn(RETURN_ID))
                .expectNoEvents()
                .expectException(refusal(ReturnErrors.RETURN_NOT_COMPLETABLE));
        fixture.given(then(settledApartFromClawback(), clawbackDecided(), clawbackCharged()))
                .when(new CompleteReturn(RETURN_ID))
                .expectNoEvents()
                .expectException(refusal(ReturnErrors.RETURN_NOT_COMPLETABLE));
        fixture.given(then(settledApartFromClawback(), clawbackDecided(), clawbackCharged(),
                        new ClawbackMemoPosted(RETURN_ID, "DM-1", "CM-1", eur(6_000))))
                .when(new CompleteReturn(RETURN_ID))
                .expectEvents(new ReturnCompleted(RETURN_ID));
    }

    @Test
    void the_clawback_charged_is_posted_to_the_erp_as_a_debit_memo_against_the_credit_memo_once() {
        fixture.given(then(settledApartFromClawback(), clawbackDecided(), clawbackCharged()))
                .when(new RecordClawbackMemoPosted(RETURN_ID, "DM-1", eur(6_000)))
                .expectEvents(new ClawbackMemoPosted(RETURN_ID, "DM-1", "CM-1", eur(6_000)));
        fixture.given(then(settledApartFromClawback(), clawbackDecided(), clawbackCharged(),
                        new ClawbackMemoPosted(RETURN_ID, "DM-1", "CM-1", eur(6_000))))
                .when(new RecordClawbackMemoPosted(RETURN_ID, "DM-1", eur(6_000)))
                .expectNoEvents();
    }

    @Test
    void a_debit_memo_for_another_amount_than_the_clawback_charged_is_refused() {
        fixture.given(then(settledApartFromClawback(), clawbackDecided(), clawbackCharged()))
                .when(new RecordClawbackMemoPosted(RETURN_ID, "DM-1", eur(5_999)))
                .expectNoEvents()
                .expectException(refusal(ReturnErrors.CREDIT_MEMO_AMOUNT_MISMATCH));
    }

    @Test
    void no_debit_memo_is_recorded_before_the_clawback_is_charged() {
        fixture.given(then(settledApartFromClawback(), clawbackDecided()))
                .when(new RecordClawbackMemoPosted(RETURN_ID, "DM-1", eur(6_000)))
                .expectNoEvents()
                .expectException(refusal(ReturnErrors.ILLEGAL_TRANSITION));
    }

    @Test
    void a_return_refunded_early_does_not_complete_before_inspection() {
        fixture.given(then(paidEarly(), new RefundSettled(RETURN_ID, "PSP-1"),
                        new CreditMemoPosted(RETURN_ID, "CM-1", EARLY, List.of()),
                        new CustomerNotified(RETURN_ID, "REFUNDED", "EMAIL")))
                .when(new CompleteReturn(RETURN_ID))
                .expectNoEvents()
                .expectException(refusal(ReturnErrors.RETURN_NOT_COMPLETABLE));
    }

    @Test
    void the_clawback_charge_is_recorded_once_for_its_exact_amount_and_its_failure_as_such() {
        fixture.given(then(inspected(), clawbackDecided()))
                .when(new RecordClawbackCharged(RETURN_ID, "PSP-CB-1", eur(6_001)))
                .expectNoEvents()
                .expectException(refusal(ReturnErrors.REFUND_AMOUNT_MISMATCH));
        fixture.given(then(inspected(), clawbackDecided()))
                .when(new RecordStepFailure(RETURN_ID, ProcessStep.CLAWBACK_CHARGE, "CLAWBACK_CHARGE",
                        "CARD_DECLINED", "declined", false, 1))
                .expectEvents(new io.omnireturns.api.returns.event.StepAttemptFailed(RETURN_ID,
                                ProcessStep.CLAWBACK_CHARGE, "CLAWBACK_CHARGE", ExternalSystem.PAYMENT,
                                "CARD_DECLINED", "declined", false, 1),
                        new ClawbackChargeFailed(RETURN_ID, "CARD_DECLINED", "declined", true));
    }

    @Test
    void the_points_given_back_for_the_clawback_charged_are_recorded_once() {
        fixture.given(then(settledApartFromClawback(), loyaltyReversed(), clawbackDecided(), clawbackCharged()))
                .when(new RecordLoyaltyPointsRestored(RETURN_ID, 60, "LOY-RS-1"))
                .expectEvents(new LoyaltyPointsRestored(RETURN_ID, 60, "LOY-RS-1"));
        fixture.given(then(settledApartFromClawback(), loyaltyReversed(), clawbackDecided(), clawbackCharged(),
                        new LoyaltyPointsRestored(RETURN_ID, 60, "LOY-RS-1")))
                .when(new RecordLoyaltyPointsRestored(RETURN_ID, 60, "LOY-RS-1"))
                .expectNoEvents();
        fixture.given(then(settledApartFromClawback(), loyaltyReversed(), clawbackDecided(), clawbackCharged(),
                        new LoyaltyPointsRestored(RETURN_ID, 60, "LOY-RS-1")))
                .when(new RecordLoyaltyPointsRestored(RETURN_ID, 60, "LOY-RS-2"))
                .expectNoEvents()
                .expectException(refusal(ReturnErrors.ILLEGAL_TRANSITION));
    }

    @Test
    void no_points_are_given_back_before_the_clawback_is_charged_or_without_a_reversal() {
        fixture.given(then(settledApartFromClawback(), loyaltyReversed(), clawbackDecided()))
                .when(new RecordLoyaltyPointsRestored(RETURN_ID, 60, "LOY-RS-1"))
                .expectNoEvents()
                .expectException(refusal(ReturnErrors.ILLEGAL_TRANSITION));
        fixture.given(then(settledApartFromClawback(), clawbackDecided(), clawbackCharged()))
                .when(new RecordLoyaltyPointsRestored(RETURN_ID, 60, "LOY-RS-1"))
                .expectNoEvents()
                .expectException(refusal(ReturnErrors.ILLEGAL_TRANSITION));
    }

    @Test
    void giving_back_no_points_is_refused() {
        fixture.given(then(settledApartFromClawback(), loyaltyReversed(), clawbackDecided(), clawbackCharged()))
                .when(new RecordLoyaltyPointsRestored(RETURN_ID, 0, "LOY-RS-1"))
                .expectNoEvents()
                .expectException(refusal(ReturnErrors.INVALID_QUANTITY));
    }

    // ---- histories ------------------------------------------------------------------------------------------

    private static List<Object> inTransit(TrustTier tier) {
        return List.of(
                new ReturnRequested(RETURN_ID, SalesChannel.WEB, null, "CUST-1", ORDER_ID,
                        RefundMethod.ORIGINAL_TENDER, List.of(new RequestedLine("L1", 2, ReturnReason.CHANGED_MIND)),
                        ORDER),
                new CustomerTrustAssessed(RETURN_ID, "CUST-1", tier, List.of(), 365, 1, eur(1_000), eur(60_000), 166,
                        1, 0, 0),
                new ReturnAuthorized(RETURN_ID, List.of(new LineDecision("L1", 2, 2, List.of()))),
                new ReturnParcelInTransit(RETURN_ID, "DHL", "TRACK-1"));
    }

    private static List<Object> earlyRefunded() {
        return then(inTransit(TrustTier.TRUSTED), new EarlyRefundGranted(RETURN_ID, EARLY, TrustTier.TRUSTED),
                new RefundApproved(RETURN_ID, EARLY_REFUND));
    }

    private static List<Object> paidEarly() {
        return then(earlyRefunded(), new RefundRequested(RETURN_ID, PAYMENT_KEY, EARLY),
                new RefundIssued(RETURN_ID, "PSP-1", EARLY));
    }

    private static ReturnItemsReceived received() {
        return new ReturnItemsReceived(RETURN_ID, "RCPT-1", "DC-1", List.of(new ReceivedLine("L1", 2, null)),
                List.of());
    }

    private static List<Object> inspected() {
        return then(paidEarly(), received(), new ReturnLinesInspected(RETURN_ID, "INSP-1", List.of(ONE_DAMAGED)),
                new ReturnInspectionCompleted(RETURN_ID, ORDER_ID, RefundMethod.ORIGINAL_TENDER,
                        List.of(new RefundableLine("L1", 1, Grade.NEW, ReturnReason.CHANGED_MIND)), Map.of(), false));
    }

    private static ClawbackDecided clawbackDecided() {
        return new ClawbackDecided(RETURN_ID, EARLY, eur(6_000), eur(6_000), ClawbackKind.CHARGE, CLAWBACK_KEY);
    }

    /** 120 points for the 120.00 refunded early. */
    private static LoyaltyAdjusted loyaltyReversed() {
        return new LoyaltyAdjusted(RETURN_ID, 120, "LOY-RV-1");
    }

    private static ClawbackCharged clawbackCharged() {
        return new ClawbackCharged(RETURN_ID, "PSP-CB-1", eur(6_000));
    }

    private static List<Object> settledApartFromClawback() {
        return then(inspected(), new RefundSettled(RETURN_ID, "PSP-1"),
                new CreditMemoPosted(RETURN_ID, "CM-1", EARLY, List.of()),
                new InventoryAdjusted(RETURN_ID, "MV-1", "L1", "SKU-L1", Disposition.RESTOCK, "DC-1", 2),
                new CustomerNotified(RETURN_ID, "REFUNDED", "EMAIL"));
    }

    private static List<Object> then(List<Object> history, Object... next) {
        return ReturnFixtures.then(history, next);
    }

    private static Money eur(long minor) {
        return Money.of(minor, "EUR");
    }
}
