package io.omnireturns.api.integration;

import io.omnireturns.api.ledger.RefundAllocated;
import io.omnireturns.api.ledger.ReturnQuantitiesReleased;
import io.omnireturns.api.ledger.ReturnQuantitiesReserved;
import io.omnireturns.api.returns.event.CaseOpened;
import io.omnireturns.api.returns.event.CustomerNotified;
import io.omnireturns.api.returns.event.ExceptionRaised;
import io.omnireturns.api.returns.event.ExceptionResolved;
import io.omnireturns.api.returns.event.FraudAssessed;
import io.omnireturns.api.returns.event.CustomerTrustAssessed;
import io.omnireturns.api.returns.event.GiftCardIssued;
import io.omnireturns.api.returns.event.GiftReturnRecorded;
import io.omnireturns.api.returns.event.GoodwillGranted;
import io.omnireturns.api.returns.event.RefundRequested;
import io.omnireturns.api.returns.event.RefundTaxApplied;
import io.omnireturns.api.returns.event.RefundTaxCalculated;
import io.omnireturns.api.returns.event.RefundTaxRequested;
import io.omnireturns.api.returns.event.ReturnEvent;
import io.omnireturns.api.returns.event.ReturnLinesKept;
import io.omnireturns.api.returns.event.ReturnNoteAdded;
import io.omnireturns.api.returns.event.StepAttemptFailed;
import io.omnireturns.api.returns.event.WarehouseAdvised;

import java.time.Instant;
import io.omnireturns.api.returns.event.DifferenceChargeRequested;
import io.omnireturns.api.returns.event.EarlyRefundGranted;
import io.omnireturns.api.returns.event.EarlyExchangeGranted;
import io.omnireturns.api.returns.event.ClawbackMemoPosted;
import io.omnireturns.api.returns.event.LoyaltyPointsRestored;
import io.omnireturns.api.returns.event.ExchangeDifferenceDecided;
import io.omnireturns.api.returns.event.SettlementTermsAgreed;
import io.omnireturns.api.returns.event.StoreCreditBonusGranted;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The one translation layer from internal events to the public contract ({@link CanonicalEvent}). Plain code, no
 * infrastructure: the Kafka publisher, the webhooks and the analytics feed all call it, so they all see the same
 * events. An internal event with no public meaning translates to nothing ({@link #INTERNAL_ONLY} says which and why).
 */
public final class CanonicalEventTranslator {

    /**
     * The stored events that are not part of the contract, each with the reason. Every stored event is either
     * translated or listed here (a test keeps it so): a new internal event cannot be left out by oversight.
     */
    public static final Map<Class<?>, String> INTERNAL_ONLY = internalOnly();

    /**
     * @param eventId  the internal event's identifier (stable: the canonical ids derive from it)
     * @param sequence the internal event's sequence number in its return's stream
     * @param at       when it was stored
     * @param payload  the internal event
     * @return the canonical events, none for an internal-only or unknown event. One internal event usually gives one
     *         canonical event, whose id is {@code eventId}; when it gives several, the first keeps {@code eventId} and
     *         the next ones are {@code eventId#2}, {@code eventId#3}, ... in that order, all with the same sequence
     */
    public List<CanonicalEvent> translate(String eventId, long sequence, Instant at, Object payload) {
        if (payload == null) {
            return List.of();
        }
        Function<Object, List<CanonicalData.Typed>> mapping = CanonicalData.mappings().get(payload.getClass());
        if (mapping == null) {
            return List.of();
        }
        String subject = ((ReturnEvent) payload).returnId();
        List<CanonicalData.Typed> typed = mapping.apply(payload);
        List<CanonicalEvent> events = new ArrayList<>(typed.size());
        for (int i = 0; i < typed.size(); i++) {
            String id = i == 0 ? eventId : eventId + "#" + (i + 1);
            events.add(new CanonicalEvent(id, typed.get(i).type(), subject, at, sequence, typed.get(i).data()));
        }
        return List.copyOf(events);
    }

    /** The internal event types that translate to at least one canonical event. */
    public static Set<Class<?>> translatedEvents() {
        return CanonicalData.mappings().keySet();
    }

    private static Map<Class<?>, String> internalOnly() {
        Map<Class<?>, String> reasons = new LinkedHashMap<>();
        reasons.put(FraudAssessed.class, "a fraud score and its signals are a profile of the customer: never shared; "
                + "a review shows as hold.placed with reason FRAUD_REVIEW");
        reasons.put(GoodwillGranted.class, "a staff decision with free-text reason; its effect is in refund.approved");
        reasons.put(WarehouseAdvised.class, "an instruction to the warehouse, not a state change of the return");
        reasons.put(RefundRequested.class, "a call to the payment gateway under an internal idempotency key; "
                + "refund.issued or refund.failed says how it went");
        reasons.put(StepAttemptFailed.class, "one failed attempt of a retried step; only a hold is a state change");
        reasons.put(ExceptionRaised.class, "the operations exception queue; the return's side of it is hold.placed");
        reasons.put(ExceptionResolved.class, "the operations exception queue; the return's side of it is hold.resolved");
        reasons.put(CaseOpened.class, "the CRM opened the case itself; nothing new for other systems");
        reasons.put(CustomerNotified.class, "the CRM sent the notice itself; nothing new for other systems");
        reasons.put(ReturnNoteAdded.class, "free text written by staff: may hold personal data");
        reasons.put(ReturnLinesKept.class, "a policy decision of ours; other systems see its effects as "
                + "inspection.completed (the kept lines refundable), refund.* and stock.adjusted (disposition SCRAP)");
        reasons.put(GiftReturnRecorded.class, "the gift recipient's name and e-mail are personal data; the refund "
                + "method (store credit or gift card) is in refund.approved");
        reasons.put(RefundAllocated.class, "the order ledger's booking (its own stream, not the return's); "
                + "refund.approved carries the same amounts");
        reasons.put(ReturnQuantitiesReserved.class, "the order ledger's booking (its own stream, not the return's); "
                + "authorized carries the quantities; it holds the whole order snapshot");
        reasons.put(ReturnQuantitiesReleased.class, "the order ledger's booking (its own stream, not the return's); "
                + "rejected, cancelled, expired and inspection.completed (short lines) say why quantities go back");
        reasons.put(SettlementTermsAgreed.class, "the quote and replacement prices the decision settles on; what "
                + "was settled is in refund.approved, refund.issued and difference.charged");
        reasons.put(ExchangeDifferenceDecided.class, "an intermediate decision of an exchange; the money moves in "
                + "refund.issued (a cheaper replacement) or difference.charged (a dearer one)");
        reasons.put(DifferenceChargeRequested.class, "a call to the payment gateway under an internal idempotency "
                + "key; difference.charged or difference.charge_failed says how it went");
        reasons.put(RefundTaxRequested.class, "a request to the tax service, a step of the return's process; "
                + "refund.approved carries the refund it led to");
        reasons.put(RefundTaxCalculated.class, "the tax service's answer, an input of the refund decision; "
                + "refund.approved carries the amounts decided with it");
        reasons.put(RefundTaxApplied.class, "the tax per jurisdiction is the ERP's to publish: it receives it on the "
                + "credit memo; refund.approved carries the refund's tax per line");
        reasons.put(GiftCardIssued.class, "the card's code is the holder's means of payment; refund.issued carries "
                + "the amount paid and refund.approved the method");
        reasons.put(StoreCreditBonusGranted.class, "an addition to an approved store-credit refund; refund.issued "
                + "carries the amount paid");
        reasons.put(CustomerTrustAssessed.class, "a profile of the customer's returns, like a fraud score: never "
                + "shared; it steers fraud scoring and the agent's screen");
        reasons.put(EarlyRefundGranted.class, "a marker of our instant-refund policy, read from the customer's trust "
                + "tier (a profile: never shared); refund.approved and refund.issued carry the money as for any refund, "
                + "clawback.decided what inspection found after it");
        reasons.put(EarlyExchangeGranted.class, "a marker of our instant-refund policy, read from the customer's "
                + "trust tier (a profile: never shared); refund.approved and the exchange's own events carry the "
                + "settlement as for any exchange");
        reasons.put(ClawbackMemoPosted.class, "the ERP's own document, which the ERP already holds; "
                + "clawback.charged carries the money taken back");
        reasons.put(LoyaltyPointsRestored.class, "the loyalty programme's own entry, which the programme already "
                + "holds; clawback.charged carries what the customer paid for after all");
        return Map.copyOf(reasons);
    }
}
