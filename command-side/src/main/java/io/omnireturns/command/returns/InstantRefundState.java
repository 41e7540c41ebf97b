package io.omnireturns.command.returns;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.omnireturns.api.ledger.RefundableLine;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.returns.event.ClawbackCharged;
import io.omnireturns.api.returns.event.ClawbackDecided;
import io.omnireturns.api.returns.event.ClawbackMemoPosted;
import io.omnireturns.api.returns.event.EarlyExchangeGranted;
import io.omnireturns.api.returns.event.EarlyRefundGranted;
import io.omnireturns.api.returns.event.LoyaltyPointsRestored;
import io.omnireturns.command.StoredFieldByField;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.List;

/**
 * What a return refunded (or exchanged) at its first carrier scan remembers of it, beside {@link ReturnState}: the
 * early refund or exchange, the clawback inspection decided, the charge that took it back, the ERP's debit memo
 * for it and the loyalty points given back for it. A separate class only to keep each one short; the aggregate extends it, so snapshots store these fields
 * flat with the rest, and leave them out while null. Its public readers serve the early-refund decisions.
 */
@StoredFieldByField
abstract class InstantRefundState extends ReturnState {

    /** The refund decided before inspection; null for every other return. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    EarlyRefundGranted earlyRefund;
    /** The exchange settled before inspection; null for every other return. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    EarlyExchangeGranted earlyExchange;
    /** What inspection found against the early refund; null until decided. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    ClawbackDecided clawback;
    @JsonInclude(JsonInclude.Include.NON_NULL)
    String clawbackGatewayReference;
    /** The ERP's debit memo for the clawback charged; null until posted. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    String clawbackMemoDocument;
    /** The loyalty programme's reference of the points given back for the clawback charged; null until then. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    String loyaltyRestoreReference;

    @Override
    boolean refundedEarly() {
        return earlyRefund != null || earlyExchange != null;
    }

    /** The lines as declared, at the best grade; read by {@code EarlyRefundDecisions} to price an early refund. */
    public List<RefundableLine> declaredLines() {
        return ReturnInstantRefund.declaredLines(this);
    }

    /** What was credited early, a refund or an exchange's returned value and bonus (null when nothing). */
    public Money earlyRefundAmount() {
        return ReturnInstantRefund.creditedEarly(this);
    }

    public boolean clawbackDecided() {
        return clawback != null;
    }

    /** Some of the approved refund went to a card, which a clawback can be charged to. */
    public boolean refundedToCard() {
        return ReturnInstantRefund.refundedToCard(this);
    }

    /** An exchange whose price difference was decided: inspection's credit carries the exchange bonus too. */
    public boolean exchangeDifferenceDecided() {
        return exchangeDifference != null;
    }

    @EventSourcingHandler
    void on(EarlyRefundGranted event) {
        earlyRefund = event;
    }

    @EventSourcingHandler
    void on(EarlyExchangeGranted event) {
        earlyExchange = event;
    }

    @EventSourcingHandler
    void on(ClawbackDecided event) {
        clawback = event;
    }

    @EventSourcingHandler
    void on(ClawbackCharged event) {
        clawbackGatewayReference = event.gatewayReference();
    }

    @EventSourcingHandler
    void on(ClawbackMemoPosted event) {
        clawbackMemoDocument = event.documentNumber();
    }

    @EventSourcingHandler
    void on(LoyaltyPointsRestored event) {
        loyaltyRestoreReference = event.reference();
    }
}
