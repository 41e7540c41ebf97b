package io.omnireturns.command.orchestration.process;

import io.omnireturns.api.returns.ClawbackKind;
import io.omnireturns.api.returns.ProcessStep;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.TrustTier;
import io.omnireturns.api.returns.command.CompleteReturn;
import io.omnireturns.api.returns.command.DecideClawback;
import io.omnireturns.api.returns.command.DecideEarlyRefund;
import io.omnireturns.api.returns.command.DecideRefund;
import io.omnireturns.api.returns.event.ClawbackCharged;
import io.omnireturns.api.returns.event.ClawbackDecided;
import io.omnireturns.api.returns.event.ClawbackMemoPosted;
import io.omnireturns.api.returns.event.CustomerTrustAssessed;
import io.omnireturns.api.returns.event.DifferenceChargeRequested;
import io.omnireturns.api.returns.event.DifferenceCharged;
import io.omnireturns.api.returns.event.EarlyExchangeGranted;
import io.omnireturns.api.returns.event.ExchangeDifferenceDecided;
import io.omnireturns.api.returns.event.SettlementTermsAgreed;
import io.omnireturns.command.connectors.erp.DebitMemoRequest;
import io.omnireturns.command.connectors.payments.ChargeInstruction;
import io.omnireturns.command.orchestration.StepCall;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.omnireturns.command.orchestration.process.ProcessRun.POST_CREDIT_MEMO;
import static io.omnireturns.command.orchestration.process.ProcessRun.REPLACEMENT_ORDER;
import static io.omnireturns.command.orchestration.process.ProcessRun.calledKeys;
import static io.omnireturns.command.orchestration.process.ProcessRun.commands;
import static io.omnireturns.command.orchestration.process.ProcessRun.onlyCall;
import static io.omnireturns.command.orchestration.process.ReturnStory.JACKETS;
import static io.omnireturns.command.orchestration.process.ReturnStory.PAYMENT_KEY;
import static io.omnireturns.command.orchestration.process.ReturnStory.RETURN_ID;
import static io.omnireturns.command.orchestration.process.ReturnStory.eur;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A trusted customer's jacket (107.94 EUR) exchanged for a dearer one (149.94 EUR) at the parcel's first scan: the
 * difference of 42.00 is charged and the replacement ordered before anything arrives; inspection then finds the
 * jacket torn, and its 107.94 is charged back to the card and told to the ERP as a debit memo before completion.
 */
class InstantExchangeProcessTest {

    private static final String CARD = "ORD-1001-T1";
    private static final String CHARGE_KEY = RETURN_ID + ":CHARGE_DIFFERENCE";
    private static final String CLAWBACK_KEY = RETURN_ID + ":CLAWBACK_CHARGE";
    private static final StepKey CHARGE_DIFFERENCE = StepKey.of(ProcessStep.CHARGE_DIFFERENCE);
    private static final StepKey CLAWBACK_CHARGE = StepKey.of(ProcessStep.CLAWBACK_CHARGE);
    private static final StepKey CLAWBACK_MEMO = StepKey.of(ProcessStep.CLAWBACK_MEMO);

    private final ReturnStory story = ReturnStory.exchange();

    private Object[] untilInTransit() {
        return new Object[]{story.requested(), new SettlementTermsAgreed(RETURN_ID, null, null,
                Map.of(JACKETS, eur(14_994)), 0, CARD, "PSP-CH-1001-1", 0),
                new CustomerTrustAssessed(RETURN_ID, "CUST-100", TrustTier.TRUSTED, List.of(), 365, 1, eur(1_000),
                        eur(60_000), 166, 1, 0, 0),
                story.authorized(), story.fraudCleared(), story.labelIssued(), story.warehouseAdvised()};
    }

    private Object[] settledEarly() {
        return new Object[]{untilInTransit(), story.parcelInTransit(),
                new EarlyExchangeGranted(RETURN_ID, eur(10_794), TrustTier.TRUSTED), story.refundApproved(),
                new ExchangeDifferenceDecided(RETURN_ID, eur(10_794), eur(0), eur(14_994), eur(0), eur(4_200),
                        List.of()),
                new DifferenceChargeRequested(RETURN_ID, CHARGE_KEY, eur(4_200), CARD, "PSP-CH-1001-1"),
                new DifferenceCharged(RETURN_ID, "PSP-CH-1", eur(4_200)), story.replacementOrderCreated(),
                story.creditMemoPosted(), story.notified(Milestone.REFUNDED)};
    }

    @Test
    void the_first_scan_of_a_trusted_customers_exchange_asks_for_its_early_settlement() {
        ProcessRun run = ProcessRun.given(untilInTransit());

        assertThat(commands(run.when(story.parcelInTransit()))).containsExactly(new DecideEarlyRefund(RETURN_ID,
                "ORD-1001", RefundMethod.EXCHANGE, PAYMENT_KEY));
    }

    @Test
    void the_difference_is_charged_and_the_replacement_ordered_before_the_parcel_arrives() {
        ProcessRun run = ProcessRun.given(untilInTransit(), story.parcelInTransit(),
                new EarlyExchangeGranted(RETURN_ID, eur(10_794), TrustTier.TRUSTED), story.refundApproved());

        List<ProcessAction> decided = run.when(
                new ExchangeDifferenceDecided(RETURN_ID, eur(10_794), eur(0), eur(14_994), eur(0), eur(4_200),
                        List.of()),
                new DifferenceChargeRequested(RETURN_ID, CHARGE_KEY, eur(4_200), CARD, "PSP-CH-1001-1"));

        assertThat(calledKeys(decided)).contains(CHARGE_DIFFERENCE).doesNotContain(REPLACEMENT_ORDER);
        List<ProcessAction> charged = run.when(new DifferenceCharged(RETURN_ID, "PSP-CH-1", eur(4_200)));
        assertThat(calledKeys(charged)).contains(REPLACEMENT_ORDER);
        assertThat(calledKeys(run.when(story.replacementOrderCreated()))).contains(POST_CREDIT_MEMO);
    }

    @Test
    void inspection_after_the_early_exchange_is_priced_against_it_and_no_second_exchange_is_decided() {
        ProcessRun run = ProcessRun.given(settledEarly(), story.itemsReceived(), story.linesInspected());

        List<ProcessAction> inspected = run.when(story.inspectionCompleted());

        assertThat(commands(inspected)).contains(new DecideClawback(RETURN_ID, "ORD-1001", RefundMethod.EXCHANGE,
                story.refundableLines()));
        assertThat(commands(inspected)).noneMatch(DecideRefund.class::isInstance)
                .noneMatch(CompleteReturn.class::isInstance);
        assertThat(calledKeys(inspected)).doesNotContain(REPLACEMENT_ORDER);
    }

    @Test
    void a_torn_jacket_is_charged_back_then_debited_in_the_erp_and_only_then_the_exchange_completes() {
        ProcessRun run = ProcessRun.given(settledEarly(), story.itemsReceived(), story.linesInspected(),
                story.inspectionCompleted(), story.inventoryAdjusted(JACKETS));

        List<ProcessAction> decided = run.when(new ClawbackDecided(RETURN_ID, eur(10_794), eur(0), eur(10_794),
                ClawbackKind.CHARGE, CLAWBACK_KEY));

        assertThat(onlyCall(decided, StepCall.Charge.class).instruction()).isEqualTo(new ChargeInstruction(
                CLAWBACK_KEY, RETURN_ID, "ORD-1001", CARD, null, eur(10_794)));
        List<ProcessAction> charged = run.when(new ClawbackCharged(RETURN_ID, "PSP-CB-1", eur(10_794)));
        assertThat(calledKeys(charged)).contains(CLAWBACK_MEMO).doesNotContain(CLAWBACK_CHARGE);
        assertThat(onlyCall(charged, StepCall.DebitMemo.class).request()).isEqualTo(new DebitMemoRequest(
                RETURN_ID + ":CLAWBACK_MEMO", RETURN_ID, "ORD-1001", "CUST-100", "CM-0001", eur(10_794),
                "PSP-CB-1"));
        assertThat(commands(charged)).noneMatch(CompleteReturn.class::isInstance);

        List<ProcessAction> debited = run.when(new ClawbackMemoPosted(RETURN_ID, "DM-1", "CM-0001", eur(10_794)));

        assertThat(commands(debited)).contains(new CompleteReturn(RETURN_ID));
    }

    @Test
    void an_inspection_that_accepts_the_jacket_completes_the_exchange_with_nothing_taken_back() {
        ProcessRun run = ProcessRun.given(settledEarly(), story.itemsReceived(), story.linesInspected(),
                story.inspectionCompleted(), story.inventoryAdjusted(JACKETS));

        List<ProcessAction> decided = run.when(new ClawbackDecided(RETURN_ID, eur(10_794), eur(10_794), eur(0),
                ClawbackKind.NOTHING, null));

        assertThat(calledKeys(decided)).doesNotContain(CLAWBACK_CHARGE, CLAWBACK_MEMO);
        assertThat(commands(decided)).contains(new CompleteReturn(RETURN_ID));
    }
}
