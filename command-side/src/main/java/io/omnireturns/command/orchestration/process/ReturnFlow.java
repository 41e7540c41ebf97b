package io.omnireturns.command.orchestration.process;

import io.omnireturns.api.returns.ProcessStep;
import io.omnireturns.api.returns.command.CompleteReturn;
import io.omnireturns.api.returns.command.DecideClawback;
import io.omnireturns.api.returns.command.DecideEarlyRefund;
import io.omnireturns.api.returns.command.DecideRefund;
import io.omnireturns.api.returns.command.RecordRefundRequested;

import java.util.ArrayList;
import java.util.List;

import static io.omnireturns.command.orchestration.process.Milestone.AUTHORIZED;
import static io.omnireturns.command.orchestration.process.Milestone.COMPLETED;
import static io.omnireturns.command.orchestration.process.Milestone.LABEL_ISSUED;
import static io.omnireturns.command.orchestration.process.Milestone.RECEIVED;
import static io.omnireturns.command.orchestration.process.Milestone.REFUNDED;

/**
 * The business flow of a return, in one place: given what has happened ({@link ReturnFacts}), which steps and
 * commands the return wants <em>now</em>. It is a reconciliation, not a reaction to the last event: a step is
 * wanted while its trigger holds and its outcome is not in yet, and drops out of the list as soon as its outcome
 * arrives or the return no longer needs it (a label once the parcel moves). {@link StepBook} takes away what is in
 * flight or in the exception queue, so the same facts seen twice, or a hold resumed, start nothing twice.
 *
 * <pre>
 * request ─ CustomerTrustAssessed (tier, serial-returner signals: sent with FRAUD_CHECK) ─ authorized
 * authorized ─ FRAUD_CHECK ─ cleared ─┬─ mail-back: ISSUE_LABEL ─ ADVISE_WAREHOUSE + notice LABEL_ISSUED ─ parcel
 *                                     ├─ store:     notice AUTHORIZED ─ counter receipt
 *                                     └─ all kept ("keep it"): no label, no parcel ─ inspected at once
 * parcel in transit, tier allowed (InstantRefundPolicy), cleared ─ DecideEarlyRefund ─┬─ money refund:
 *   EarlyRefundGranted + RefundRequested ─ REFUND_PAYMENT ─ paid (as below, before the parcel arrives)
 *   └─ exchange: EarlyExchangeGranted + difference ─ [CHARGE_DIFFERENCE] REPLACEMENT_ORDER (as below, early)
 *   ... parcel arrived ─ inspected ─ DecideClawback ─ ClawbackDecided ─┬─ nothing short: nothing
 *                                    ├─ CHARGE: CLAWBACK_CHARGE ─ ClawbackCharged ─ CLAWBACK_MEMO (ERP debit memo)
 *                                    │    + RESTORE_LOYALTY (points reversed: those of the share charged back)
 *                                    └─ CASE: exception ─ OPEN_CASE (an agent)
 * parcel arrived ─ notice RECEIVED ─ inspected ─ (cleared) DecideRefund ─┬─ money: RefundRequested ─ REFUND_PAYMENT ┐
 *                                                              ├─ exchange: [CHARGE_DIFFERENCE] REPLACEMENT_ORDER ┤
 *                                                              └─ zero ───────────────────────────────────────┤
 *   (tax service needed: RefundTaxRequested ─ CALCULATE_TAX ─ DecideRefund again)
 * paid ─ POST_CREDIT_MEMO (if any money) + ADJUST_INVENTORY per line + REVERSE_LOYALTY (money) + notice REFUNDED
 * all done (and settled, if paid by the gateway) ─ CompleteReturn ─ notice COMPLETED ─ finished
 *   (refunded early: only once its clawback is decided, and when CHARGE charged, its debit memo posted and its
 *   loyalty points given back)
 * rejected / cancelled / expired ─ notice of it ─ finished
 * on hold: no decision, label, replacement order or completion (the return refuses them) until a person resumes it
 * </pre>
 */
final class ReturnFlow {

    /** A step or command the return wants: a remote step when {@code command} is null, else the local command. */
    record Want(ProcessKey key, ProcessAction command) {

        boolean remote() {
            return command == null;
        }
    }

    private ReturnFlow() {
    }

    static List<Want> wanted(ReturnFacts f) {
        List<Want> wants = new ArrayList<>();
        if (f.finished()) {
            return wants;
        }
        f.openExceptions.stream().filter(id -> !f.casesOpened.contains(id))
                .forEach(id -> wants.add(step(StepKey.openCase(id))));
        if (f.ending != null) {
            notice(wants, f, f.ending);
            return wants;
        }
        if (f.completed) {
            notice(wants, f, COMPLETED);
            return wants;
        }
        // eligibility and the way back
        when(wants, f.authorized && !f.fraudAssessed, step(ProcessStep.FRAUD_CHECK));
        if (f.mailBack()) {
            // the return records no label while a person holds it: one made then would be refused, asked for again
            when(wants, f.cleared() && f.lines.somethingToShip() && !f.labelIssued && !f.parcelMoving() && !f.onHold,
                    step(ProcessStep.ISSUE_LABEL));
            when(wants, f.trackingNumber != null && !f.warehouseAdvised && !f.parcelArrived(),
                    step(ProcessStep.ADVISE_WAREHOUSE));
            if (f.labelIssued && !f.parcelMoving()) {
                notice(wants, f, LABEL_ISSUED);
            }
        } else if (f.cleared()) {
            notice(wants, f, AUTHORIZED);
        }
        if (f.parcelArrived()) {
            notice(wants, f, RECEIVED);
        }
        // a trusted customer's refund at the parcel's first scan, before inspection; the policy may decline it
        // (an exchange too: its replacement is ordered then, where the policy settles exchanges early)
        if (f.mailBack() && f.inTransit && !f.parcelArrived() && f.cleared() && !f.onHold && !f.money.refundDecided()
                && f.trust.tier != null) {
            wants.add(send(ProcessTask.EARLY_REFUND_DECISION,
                    new DecideEarlyRefund(f.returnId, f.orderId, f.money.refundMethod, paymentKey(f.returnId))));
        }
        // inspection after an early refund: what it would have refunded against what was paid, any shortfall back
        if (f.instant.refundedEarly() && f.refundDecidable() && f.instant.clawback == null && !f.onHold) {
            wants.add(send(ProcessTask.CLAWBACK_DECISION, new DecideClawback(f.returnId, f.orderId,
                    f.money.refundMethod, f.inspection.refundableLines())));
        }
        // charged once the early refund was paid (an exchange: its replacement ordered and any difference settled)
        when(wants, f.instant.chargeOwed() && (f.money.exchange() ? f.money.paid() : f.money.paidThroughGateway()),
                step(ProcessStep.CLAWBACK_CHARGE));
        // the ERP corrects the return's credit memo by what was charged back
        when(wants, f.instant.memoOwed() && f.instant.creditMemoDocument != null, step(ProcessStep.CLAWBACK_MEMO));
        // the customer pays for what was charged back after all: the points reversed for it come back
        when(wants, f.instant.restoreOwed(), step(ProcessStep.RESTORE_LOYALTY));
        // the refund, decided only after inspection (rule 1) and the fraud decision (a store return too: its items may
        // be at the counter before the score is in); the return refuses these while on hold
        if (f.refundDecidable() && f.cleared() && !f.money.refundDecided() && !f.onHold && !f.money.taxPending()) {
            wants.add(send(ProcessTask.REFUND_DECISION, decideRefund(f)));
        }
        // the decision asked the tax service first: its answer comes back before the decision is sent again
        when(wants, f.money.taxPending() && !f.money.refundDecided(), step(StepKey.tax(f.money.taxRequests)));
        if (f.money.owed() && !f.money.refundRequested && !f.onHold) { // decided before DecideRefund also requested it
            wants.add(send(ProcessTask.REFUND_REQUEST,
                    new RecordRefundRequested(f.returnId, paymentKey(f.returnId), f.money.amountBack())));
        }
        when(wants, f.money.refundRequested && !f.money.paidThroughGateway(), step(ProcessStep.REFUND_PAYMENT));
        // a dearer replacement's difference is taken before the replacement goes out
        when(wants, f.money.chargeOwed(), step(ProcessStep.CHARGE_DIFFERENCE));
        // nor a replacement order while held (its refusal would go to the exception queue)
        when(wants, f.money.replacementReady() && !f.money.replacementOrdered && !f.onHold,
                step(ProcessStep.REPLACEMENT_ORDER));
        // once paid, the ERP, stock and loyalty hear of it (rule 5), then the return completes
        if (f.money.paid()) {
            when(wants, f.money.refund.total().isPositive() && !f.money.creditMemoPosted,
                    step(ProcessStep.POST_CREDIT_MEMO));
            f.lines.toRestock().stream().filter(id -> !f.lines.get(id).inventoryAdjusted)
                    .forEach(id -> wants.add(step(StepKey.inventory(id))));
            when(wants, f.money.loyaltyApplies() && !f.money.loyaltyReversed, step(ProcessStep.REVERSE_LOYALTY));
            notice(wants, f, REFUNDED);
            when(wants, f.everythingSettled() && !f.onHold,
                    send(ProcessTask.COMPLETION, new CompleteReturn(f.returnId)));
        }
        // a person asked the exception queue to decide an overdue return again
        when(wants, f.decisionAskedAgain && f.awaitingDecision(),
                new Want(ProcessTask.ELIGIBILITY_DECISION, new ProcessAction.DecideOverdue(f.returnId)));
        return wants;
    }

    /** One refund instruction per return, for ever: whatever happens, a gateway can pay it only once. */
    static String paymentKey(String returnId) {
        return returnId + ":" + StepKey.of(ProcessStep.REFUND_PAYMENT).render();
    }

    private static DecideRefund decideRefund(ReturnFacts f) {
        return new DecideRefund(f.returnId, f.orderId, f.inspection.refundMethod(), f.inspection.refundableLines(),
                paymentKey(f.returnId), f.taxContext());
    }

    private static void notice(List<Want> wants, ReturnFacts f, Milestone milestone) {
        when(wants, !f.notified(milestone), step(StepKey.notification(milestone)));
    }

    private static void when(List<Want> wants, boolean condition, Want want) {
        if (condition) {
            wants.add(want);
        }
    }

    private static Want step(ProcessStep step) {
        return step(StepKey.of(step));
    }

    private static Want step(StepKey key) {
        return new Want(key, null);
    }

    private static Want send(ProcessTask task, Object command) {
        return new Want(task, new ProcessAction.Send(task, command));
    }
}
