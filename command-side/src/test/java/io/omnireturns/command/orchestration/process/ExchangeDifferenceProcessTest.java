package io.omnireturns.command.orchestration.process;

import io.omnireturns.api.orders.TenderType;
import io.omnireturns.api.returns.ProcessStep;
import io.omnireturns.api.returns.TenderRefund;
import io.omnireturns.api.returns.command.RecordRefundRequested;
import io.omnireturns.api.returns.event.DifferenceChargeRequested;
import io.omnireturns.api.returns.event.DifferenceCharged;
import io.omnireturns.api.returns.event.ExchangeDifferenceDecided;
import io.omnireturns.api.returns.event.RefundRequested;
import io.omnireturns.api.returns.event.SettlementTermsAgreed;
import io.omnireturns.command.connectors.payments.ChargeInstruction;
import io.omnireturns.command.orchestration.StepCall;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.omnireturns.command.orchestration.process.ProcessRun.REFUND_PAYMENT;
import static io.omnireturns.command.orchestration.process.ProcessRun.REPLACEMENT_ORDER;
import static io.omnireturns.command.orchestration.process.ProcessRun.calledKeys;
import static io.omnireturns.command.orchestration.process.ProcessRun.commands;
import static io.omnireturns.command.orchestration.process.ProcessRun.onlyCall;
import static io.omnireturns.command.orchestration.process.ReturnStory.JACKETS;
import static io.omnireturns.command.orchestration.process.ReturnStory.RETURN_ID;
import static io.omnireturns.command.orchestration.process.ReturnStory.eur;
import static org.assertj.core.api.Assertions.assertThat;

/** An exchange at a different price: the charge before the replacement, the difference refunded beside it. */
class ExchangeDifferenceProcessTest {

    private static final StepKey CHARGE_DIFFERENCE = StepKey.of(ProcessStep.CHARGE_DIFFERENCE);
    private static final String CHARGE_KEY = RETURN_ID + ":CHARGE_DIFFERENCE";
    private static final String CARD = "ORD-1001-T1";

    private final ReturnStory story = ReturnStory.exchange();

    private SettlementTermsAgreed priced(long unitPrice) {
        return new SettlementTermsAgreed(RETURN_ID, null, null, Map.of(JACKETS, eur(unitPrice)), 0, CARD,
                "PSP-CH-1001-1", 0);
    }

    @Test
    void a_priced_exchange_waits_for_its_difference_before_the_replacement_goes_out() {
        ProcessRun run = ProcessRun.given(story.requested(), priced(14_994), story.authorized(),
                story.fraudCleared(), story.labelIssued(), story.warehouseAdvised(), story.itemsReceived(),
                story.linesInspected(), story.inspectionCompleted());

        List<ProcessAction> actions = run.when(story.refundApproved());

        assertThat(calledKeys(actions)).doesNotContain(REPLACEMENT_ORDER, CHARGE_DIFFERENCE);
    }

    @Test
    void a_dearer_replacement_is_charged_once_to_the_card_and_only_then_ordered() {
        ProcessRun run = ProcessRun.given(story.requested(), priced(14_994), story.upToRefundApproval());

        List<ProcessAction> asked = run.when(
                new ExchangeDifferenceDecided(RETURN_ID, eur(10_794), eur(0), eur(14_994), eur(0), eur(4_200), List.of()),
                new DifferenceChargeRequested(RETURN_ID, CHARGE_KEY, eur(4_200), CARD, "PSP-CH-1001-1"));

        assertThat(calledKeys(asked)).contains(CHARGE_DIFFERENCE).doesNotContain(REPLACEMENT_ORDER, REFUND_PAYMENT);
        assertThat(onlyCall(asked, StepCall.Charge.class).instruction()).isEqualTo(
                new ChargeInstruction(CHARGE_KEY, RETURN_ID, "ORD-1001", CARD, "PSP-CH-1001-1", eur(4_200)));

        List<ProcessAction> charged = run.when(new DifferenceCharged(RETURN_ID, "PSP-CH-000001", eur(4_200)));

        assertThat(calledKeys(charged)).contains(REPLACEMENT_ORDER).doesNotContain(CHARGE_DIFFERENCE);
    }

    @Test
    void a_cheaper_replacements_difference_is_paid_back_over_the_tenders_beside_the_replacement() {
        List<TenderRefund> split = List.of(new TenderRefund(CARD, TenderType.CARD, eur(2_400)));
        ProcessRun run = ProcessRun.given(story.requested(), priced(8_394), story.upToRefundApproval());

        List<ProcessAction> decided = run.when(
                new ExchangeDifferenceDecided(RETURN_ID, eur(10_794), eur(0), eur(8_394), eur(2_400), eur(0), split));

        assertThat(commands(decided)).contains(new RecordRefundRequested(RETURN_ID, RETURN_ID + ":REFUND_PAYMENT",
                eur(2_400)));
        assertThat(calledKeys(decided)).contains(REPLACEMENT_ORDER);

        List<ProcessAction> requested = run.when(new RefundRequested(RETURN_ID, RETURN_ID + ":REFUND_PAYMENT",
                eur(2_400)));

        StepCall.Refund refund = onlyCall(requested, StepCall.Refund.class);
        assertThat(refund.instruction().amount()).isEqualTo(eur(2_400));
        assertThat(refund.instruction().tenders()).isEqualTo(split);
    }

    @Test
    void the_customer_hears_of_the_settlement_only_once_the_charge_is_taken() {
        ProcessRun run = ProcessRun.given(story.requested(), priced(14_994), story.upToRefundApproval(),
                new ExchangeDifferenceDecided(RETURN_ID, eur(10_794), eur(0), eur(14_994), eur(0), eur(4_200), List.of()),
                new DifferenceChargeRequested(RETURN_ID, CHARGE_KEY, eur(4_200), CARD, "PSP-CH-1001-1"));

        List<ProcessAction> beforeCharge = run.when(story.replacementOrderCreated(), story.creditMemoPosted());

        assertThat(calledKeys(beforeCharge)).doesNotContain(ProcessRun.notice(Milestone.REFUNDED));
        List<ProcessAction> charged = run.when(new DifferenceCharged(RETURN_ID, "PSP-CH-000001", eur(4_200)));
        assertThat(calledKeys(charged)).contains(ProcessRun.notice(Milestone.REFUNDED));
    }
}
