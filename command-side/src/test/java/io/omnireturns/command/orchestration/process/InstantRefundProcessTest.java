package io.omnireturns.command.orchestration.process;

import io.omnireturns.api.error.FailureCode;
import io.omnireturns.api.returns.ClawbackKind;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.returns.ProcessStep;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.TrustTier;
import io.omnireturns.api.returns.command.CompleteReturn;
import io.omnireturns.api.returns.command.DecideClawback;
import io.omnireturns.api.returns.command.DecideEarlyRefund;
import io.omnireturns.api.returns.command.DecideRefund;
import io.omnireturns.api.returns.command.ExpireReturn;
import io.omnireturns.api.returns.command.RaiseException;
import io.omnireturns.api.returns.event.ClawbackCharged;
import io.omnireturns.api.returns.event.ClawbackDecided;
import io.omnireturns.api.returns.event.CustomerTrustAssessed;
import io.omnireturns.api.returns.event.EarlyRefundGranted;
import io.omnireturns.api.returns.event.ExceptionRaised;
import io.omnireturns.api.returns.event.ClawbackMemoPosted;
import io.omnireturns.api.returns.event.LoyaltyPointsRestored;
import io.omnireturns.command.connectors.erp.DebitMemoRequest;
import io.omnireturns.command.connectors.loyalty.PointsRestoreRequest;
import io.omnireturns.command.connectors.payments.ChargeInstruction;
import io.omnireturns.command.orchestration.StepCall;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.omnireturns.command.orchestration.process.ProcessRun.OPEN_CASE;
import static io.omnireturns.command.orchestration.process.ProcessRun.REFUND_PAYMENT;
import static io.omnireturns.command.orchestration.process.ProcessRun.calledKeys;
import static io.omnireturns.command.orchestration.process.ProcessRun.commands;
import static io.omnireturns.command.orchestration.process.ProcessRun.delayOf;
import static io.omnireturns.command.orchestration.process.ProcessRun.onlyCall;
import static io.omnireturns.command.orchestration.process.ReturnStory.PAYMENT_KEY;
import static io.omnireturns.command.orchestration.process.ReturnStory.RETURN_ID;
import static io.omnireturns.command.orchestration.process.ReturnStory.eur;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A trusted customer's mail-back return refunded at the parcel's first scan (287.82 EUR to the card), then inspected:
 * the flow asks for the early refund, pays it through the usual step, prices the inspection against it and takes any
 * shortfall back by a charge or a CRM case before the return completes.
 */
class InstantRefundProcessTest {

    private static final StepKey CLAWBACK_CHARGE = StepKey.of(ProcessStep.CLAWBACK_CHARGE);
    private static final String CLAWBACK_KEY = RETURN_ID + ":CLAWBACK_CHARGE";
    private static final StepKey RESTORE_LOYALTY = StepKey.of(ProcessStep.RESTORE_LOYALTY);
    /** 287 points reversed for 287.82 EUR; 71.94 charged back: floor(287 x 7194 / 28782) = floor(71.7...) = 71. */
    private static final PointsRestoreRequest RESTORE = new PointsRestoreRequest(RETURN_ID + ":RESTORE_LOYALTY",
            RETURN_ID, "CUST-100", 71);

    private final ReturnStory story = ReturnStory.mailBack();

    private CustomerTrustAssessed assessed(TrustTier tier) {
        return new CustomerTrustAssessed(RETURN_ID, "CUST-1", tier, List.of(), 365, 1, eur(1_000), eur(60_000), 166,
                1, 0, 0);
    }

    private Object[] untilInTransit(TrustTier tier) {
        return new Object[]{story.requested(), assessed(tier), story.authorized(), story.fraudCleared(),
                story.labelIssued(), story.warehouseAdvised()};
    }

    private Object[] paidEarly() {
        return new Object[]{untilInTransit(TrustTier.TRUSTED), story.parcelInTransit(),
                new EarlyRefundGranted(RETURN_ID, eur(28_782), TrustTier.TRUSTED), story.refundApproved(),
                story.refundRequested(), story.refundIssued(), story.refundSettled()};
    }

    @Test
    void the_first_carrier_scan_of_an_assessed_customers_parcel_asks_for_the_early_refund() {
        ProcessRun run = ProcessRun.given(untilInTransit(TrustTier.TRUSTED));

        List<ProcessAction> scanned = run.when(story.parcelInTransit());

        assertThat(commands(scanned)).containsExactly(new DecideEarlyRefund(RETURN_ID, "ORD-1001",
                RefundMethod.ORIGINAL_TENDER, PAYMENT_KEY));
    }

    @Test
    void a_customer_never_assessed_waits_for_inspection_as_before() {
        ProcessRun run = ProcessRun.given(story.requested(), story.authorized(), story.fraudCleared(),
                story.labelIssued(), story.warehouseAdvised());

        assertThat(commands(run.when(story.parcelInTransit()))).isEmpty();
    }

    @Test
    void the_early_refund_is_paid_through_the_refund_step_under_the_returns_one_payment_key() {
        ProcessRun run = ProcessRun.given(untilInTransit(TrustTier.TRUSTED), story.parcelInTransit(),
                new EarlyRefundGranted(RETURN_ID, eur(28_782), TrustTier.TRUSTED), story.refundApproved());

        List<ProcessAction> requested = run.when(story.refundRequested());

        assertThat(onlyCall(requested, StepCall.Refund.class).instruction().idempotencyKey()).isEqualTo(PAYMENT_KEY);
        assertThat(calledKeys(requested)).contains(REFUND_PAYMENT);
    }

    @Test
    void after_the_early_refund_inspection_is_priced_against_it_and_no_second_refund_is_decided() {
        ProcessRun run = ProcessRun.given(paidEarly(), story.itemsReceived(), story.linesInspected());

        List<ProcessAction> inspected = run.when(story.inspectionCompleted());

        assertThat(commands(inspected)).contains(new DecideClawback(RETURN_ID, "ORD-1001",
                RefundMethod.ORIGINAL_TENDER, story.refundableLines()));
        assertThat(commands(inspected)).noneMatch(DecideRefund.class::isInstance);
    }

    @Test
    void a_shortfall_is_charged_to_the_card_refunded_and_the_return_completes_only_once_it_is_taken_and_told() {
        ProcessRun run = ProcessRun.given(paidEarly(), story.itemsReceived(), story.linesInspected(),
                story.inspectionCompleted(), story.creditMemoPosted(), story.loyaltyAdjusted(),
                story.inventoryAdjusted(ReturnStory.JACKETS), story.inventoryAdjusted(ReturnStory.JEANS),
                story.notified(Milestone.REFUNDED));

        List<ProcessAction> decided = run.when(new ClawbackDecided(RETURN_ID, eur(28_782), eur(21_588),
                eur(7_194), ClawbackKind.CHARGE, CLAWBACK_KEY));

        assertThat(onlyCall(decided, StepCall.Charge.class).instruction()).isEqualTo(new ChargeInstruction(
                CLAWBACK_KEY, RETURN_ID, "ORD-1001", "ORD-1001-T1", null, eur(7_194)));
        assertThat(commands(decided)).noneMatch(CompleteReturn.class::isInstance);

        List<ProcessAction> charged = run.when(new ClawbackCharged(RETURN_ID, "PSP-CB-1", eur(7_194)));

        assertThat(calledKeys(charged)).doesNotContain(CLAWBACK_CHARGE);
        assertThat(onlyCall(charged, StepCall.DebitMemo.class).request()).isEqualTo(new DebitMemoRequest(
                RETURN_ID + ":CLAWBACK_MEMO", RETURN_ID, "ORD-1001", "CUST-100", "CM-0001", eur(7_194), "PSP-CB-1"));
        assertThat(onlyCall(charged, StepCall.LoyaltyRestore.class).request()).isEqualTo(RESTORE);
        assertThat(commands(charged)).noneMatch(CompleteReturn.class::isInstance);

        List<ProcessAction> debited = run.when(new ClawbackMemoPosted(RETURN_ID, "DM-1", "CM-0001", eur(7_194)));

        assertThat(calledKeys(debited)).doesNotContain(StepKey.of(ProcessStep.CLAWBACK_MEMO));
        assertThat(commands(debited)).as("the points of the share charged back are not given back yet")
                .noneMatch(CompleteReturn.class::isInstance);

        List<ProcessAction> restored = run.when(new LoyaltyPointsRestored(RETURN_ID, 71, "LOY-RS-1"));

        assertThat(commands(restored)).contains(new CompleteReturn(RETURN_ID));
        assertThat(calledKeys(restored)).doesNotContain(RESTORE_LOYALTY);
    }

    @Test
    void points_are_given_back_only_once_they_were_reversed_even_when_the_clawback_was_charged_first() {
        ProcessRun run = ProcessRun.given(paidEarly(), story.itemsReceived(), story.linesInspected(),
                story.inspectionCompleted(), story.creditMemoPosted(),
                new ClawbackDecided(RETURN_ID, eur(28_782), eur(21_588), eur(7_194), ClawbackKind.CHARGE,
                        CLAWBACK_KEY));

        List<ProcessAction> charged = run.when(new ClawbackCharged(RETURN_ID, "PSP-CB-1", eur(7_194)));

        assertThat(calledKeys(charged)).doesNotContain(RESTORE_LOYALTY);

        List<ProcessAction> reversed = run.when(story.loyaltyAdjusted());

        assertThat(onlyCall(reversed, StepCall.LoyaltyRestore.class).request()).isEqualTo(RESTORE);
    }

    @Test
    void a_failed_restoration_is_tried_again_under_the_same_key() {
        ProcessRun run = ProcessRun.given(paidEarly(), story.itemsReceived(), story.linesInspected(),
                story.inspectionCompleted(), story.creditMemoPosted(), story.loyaltyAdjusted(),
                new ClawbackDecided(RETURN_ID, eur(28_782), eur(21_588), eur(7_194), ClawbackKind.CHARGE,
                        CLAWBACK_KEY), new ClawbackCharged(RETURN_ID, "PSP-CB-1", eur(7_194)));

        List<ProcessAction> failed = run.when(story.stepFailed(RESTORE_LOYALTY, "SANDBOX_UNAVAILABLE", true, 1));

        assertThat(onlyCall(failed, StepCall.LoyaltyRestore.class).request()).isEqualTo(RESTORE);
        assertThat(delayOf(failed, RESTORE_LOYALTY)).isPositive();
        assertThat(commands(failed)).noneMatch(CompleteReturn.class::isInstance);
    }

    @Test
    void a_return_refunded_early_never_expires_for_want_of_its_parcel() {
        ProcessRun run = ProcessRun.given(paidEarly());

        assertThat(commands(run.after(Duration.ofDays(365)).overdue())).noneMatch(ExpireReturn.class::isInstance);
    }

    @Test
    void a_parcel_still_missing_at_the_receipt_expiry_after_an_early_refund_goes_to_a_person_once() {
        ProcessRun run = ProcessRun.given(paidEarly());
        assertThat(commands(run.overdue())).noneMatch(RaiseException.class::isInstance);

        List<Object> overdue = commands(run.after(Duration.ofDays(365)).overdue());

        assertThat(overdue).filteredOn(RaiseException.class::isInstance).singleElement()
                .isInstanceOfSatisfying(RaiseException.class, raised -> {
                    assertThat(raised.stepKey()).isEqualTo(ProcessTask.RECEIPT_EXPIRY.render());
                    assertThat(raised.failureCode()).isEqualTo(FailureCode.PARCEL_MISSING_AFTER_EARLY_REFUND.code());
                });
        run.andThen(story.exceptionRaised(ProcessStep.ADVISE_WAREHOUSE, ProcessTask.RECEIPT_EXPIRY,
                FailureCode.PARCEL_MISSING_AFTER_EARLY_REFUND.code(), 0));
        assertThat(commands(run.overdue())).noneMatch(RaiseException.class::isInstance);
        // a person resumes it to chase the parcel: it is not raised again
        run.andThen(story.exceptionResolved(ProcessStep.ADVISE_WAREHOUSE, ProcessTask.RECEIPT_EXPIRY, "RESUME"));
        assertThat(commands(run.after(Duration.ofDays(30)).overdue())).noneMatch(RaiseException.class::isInstance);
    }

    @Test
    void a_parcel_that_arrives_after_an_early_refund_goes_to_nobody() {
        ProcessRun run = ProcessRun.given(paidEarly()).andThen(story.itemsReceived());

        assertThat(commands(run.after(Duration.ofDays(365)).overdue())).noneMatch(RaiseException.class::isInstance);
    }

    @Test
    void a_shortfall_by_case_opens_a_crm_case_and_charges_nothing() {
        ProcessRun run = ProcessRun.given(paidEarly(), story.itemsReceived(), story.linesInspected(),
                story.inspectionCompleted());

        List<ProcessAction> decided = run.when(new ClawbackDecided(RETURN_ID, eur(28_782), eur(21_588),
                        eur(7_194), ClawbackKind.CASE, null),
                new ExceptionRaised(RETURN_ID, ReturnStory.EXCEPTION_ID, ProcessStep.CLAWBACK_CHARGE,
                        "CLAWBACK_CASE", ExternalSystem.PAYMENT, "CLAWBACK_CASE", "7194 to recover", 0));

        assertThat(calledKeys(decided)).contains(OPEN_CASE).doesNotContain(CLAWBACK_CHARGE);
        assertThat(calledKeys(run.when(story.loyaltyAdjusted()))).as("nothing recovered: no points given back")
                .doesNotContain(RESTORE_LOYALTY);
    }

    @Test
    void a_share_charged_back_worth_less_than_a_point_gives_nothing_back_and_the_return_completes() {
        ProcessRun run = ProcessRun.given(paidEarly(), story.itemsReceived(), story.linesInspected(),
                story.inspectionCompleted(), story.creditMemoPosted(), story.loyaltyAdjusted(),
                story.inventoryAdjusted(ReturnStory.JACKETS), story.inventoryAdjusted(ReturnStory.JEANS),
                story.notified(Milestone.REFUNDED), new ClawbackDecided(RETURN_ID, eur(28_782), eur(28_782 - 50),
                        eur(50), ClawbackKind.CHARGE, CLAWBACK_KEY), // 287 x 50 / 28782 = 0.49...: no point
                new ClawbackCharged(RETURN_ID, "PSP-CB-1", eur(50)));

        List<ProcessAction> debited = run.when(new ClawbackMemoPosted(RETURN_ID, "DM-1", "CM-0001", eur(50)));

        assertThat(calledKeys(debited)).doesNotContain(RESTORE_LOYALTY);
        assertThat(commands(debited)).contains(new CompleteReturn(RETURN_ID));
    }
}
