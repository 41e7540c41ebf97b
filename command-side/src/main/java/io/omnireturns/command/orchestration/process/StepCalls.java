package io.omnireturns.command.orchestration.process;

import io.omnireturns.command.connectors.carrier.LabelRequest;
import io.omnireturns.command.connectors.crm.CaseRequest;
import io.omnireturns.command.connectors.crm.CustomerNotification;
import io.omnireturns.command.connectors.erp.CreditMemoRequest;
import io.omnireturns.command.connectors.erp.DebitMemoRequest;
import io.omnireturns.command.connectors.erp.InventoryAdjustmentRequest;
import io.omnireturns.command.connectors.fraud.FraudCheck;
import io.omnireturns.command.connectors.loyalty.PointsRestoreRequest;
import io.omnireturns.command.connectors.loyalty.PointsReversalRequest;
import io.omnireturns.command.connectors.orders.ReplacementRequest;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.command.connectors.payments.ChargeInstruction;
import io.omnireturns.command.connectors.payments.CreditRecipient;
import io.omnireturns.command.connectors.payments.GiftCardInstruction;
import io.omnireturns.command.connectors.payments.RefundInstruction;
import io.omnireturns.command.connectors.warehouse.ReceiptAdvice;
import io.omnireturns.command.orchestration.StepCall;

import io.omnireturns.api.orders.TenderType;
import io.omnireturns.api.returns.TenderRefund;

import java.util.List;

/**
 * Builds the call of one attempt of a step from what the process knows of the return. Every request carries the
 * idempotency key {@code returnId:stepKey}, the same for every attempt, so a retry, a redelivery or a takeover by
 * another node never repeats an effect; the payment's key is one per return, for ever.
 */
final class StepCalls {

    private StepCalls() {
    }

    static StepCall callFor(StepKey key, int attempt, ReturnFacts f) {
        String returnId = f.returnId;
        String idempotencyKey = returnId + ":" + key.render();
        return switch (key.step()) {
            case FRAUD_CHECK -> new StepCall.Fraud(returnId, key, attempt,
                    new FraudCheck(returnId, f.orderId, f.customerId, f.channel, f.lines.authorizedItems(),
                            f.lines.authorizedValue(), f.trust.tier, f.trust.signals));
            case ISSUE_LABEL -> new StepCall.Label(returnId, key, attempt,
                    new LabelRequest(idempotencyKey, returnId, f.customerId, f.destinationLocationId,
                            f.lines.shippedItems()));
            case ADVISE_WAREHOUSE -> new StepCall.Advice(returnId, key, attempt,
                    new ReceiptAdvice(idempotencyKey, returnId, f.destinationLocationId, f.trackingNumber,
                            expectedItems(f)));
            case REFUND_PAYMENT -> f.money.refundMethod == RefundMethod.GIFT_CARD
                    ? new StepCall.GiftCard(returnId, key, attempt, new GiftCardInstruction(
                            ReturnFlow.paymentKey(returnId), returnId, f.orderId, f.money.amountBack(), cardHolder(f)))
                    : new StepCall.Refund(returnId, key, attempt,
                    new RefundInstruction(ReturnFlow.paymentKey(returnId), returnId, f.orderId, f.money.tendersBack(),
                            f.money.amountBack(), f.giftRecipientEmail == null ? null : cardHolder(f)));
            case CHARGE_DIFFERENCE -> new StepCall.Charge(returnId, key, attempt,
                    new ChargeInstruction(f.money.differenceCharge.idempotencyKey(), returnId, f.orderId,
                            f.money.differenceCharge.tenderId(), f.money.differenceCharge.cardReference(),
                            f.money.differenceCharge.amount()));
            case CLAWBACK_CHARGE -> new StepCall.Charge(returnId, key, attempt,
                    new ChargeInstruction(f.instant.clawback.chargeKey(), returnId, f.orderId, refundedCard(f), null,
                            f.instant.clawback.amount()));
            case REPLACEMENT_ORDER -> new StepCall.Replacement(returnId, key, attempt,
                    new ReplacementRequest(idempotencyKey, returnId, f.orderId, f.customerId, replacementItems(f)));
            case POST_CREDIT_MEMO -> new StepCall.CreditMemo(returnId, key, attempt,
                    new CreditMemoRequest(idempotencyKey, returnId, f.orderId, f.customerId, f.money.refund.lines(),
                            f.money.refund.shippingRefund(), f.money.refund.total(), f.money.taxGivenBack,
                            f.tax.priceDifferenceTax));
            case CLAWBACK_MEMO -> new StepCall.DebitMemo(returnId, key, attempt, new DebitMemoRequest(idempotencyKey,
                    returnId, f.orderId, f.customerId, f.instant.creditMemoDocument, f.instant.clawback.amount(),
                    f.instant.clawbackChargeReference));
            case ADJUST_INVENTORY -> {
                ReturnLines.Line line = f.lines.get(key.argument());
                yield new StepCall.Inventory(returnId, key, attempt, new InventoryAdjustmentRequest(idempotencyKey,
                        returnId, key.argument(), line.sku, line.received + line.kept, line.disposition,
                        line.kept > 0 ? f.destinationLocationId : f.receivingLocationId)); // kept: written off there
            }
            case REVERSE_LOYALTY -> new StepCall.Loyalty(returnId, key, attempt,
                    new PointsReversalRequest(idempotencyKey, returnId, f.customerId, f.money.refund.total()));
            case RESTORE_LOYALTY -> new StepCall.LoyaltyRestore(returnId, key, attempt,
                    new PointsRestoreRequest(idempotencyKey, returnId, f.customerId, f.instant.pointsToRestore()));
            case NOTIFY_CUSTOMER -> {
                Milestone milestone = Milestone.valueOf(key.argument());
                yield new StepCall.Notify(returnId, key, attempt, new CustomerNotification(idempotencyKey, returnId,
                        f.customerId, milestone.name(), milestone.messageFor(f), f.giftRecipientEmail == null ? null
                        : new CustomerNotification.Gift(f.giftRecipientEmail, f.buyerNotified), f.gift.giftCardCode));
            }
            case OPEN_CASE -> new StepCall.OpenCase(returnId, key, attempt, key.argument(),
                    new CaseRequest(idempotencyKey, returnId, f.customerId, "RETURN_EXCEPTION",
                            "return " + returnId + " needs attention: exception " + key.argument()));
            case CALCULATE_TAX -> new StepCall.Tax(returnId, key, attempt, f.money.taxRequest);
            case DECIDE_ELIGIBILITY -> throw new IllegalArgumentException(
                    "eligibility is decided by the request (or the overdue decision), not called remotely");
        };
    }

    /**
     * A gift return's card (or store credit) is its recipient's, never the buyer's; any other return's is the
     * customer's.
     */
    private static CreditRecipient cardHolder(ReturnFacts f) {
        return f.giftRecipientEmail != null
                ? CreditRecipient.giftRecipient(f.gift.recipientName, f.giftRecipientEmail)
                : CreditRecipient.customer(f.customerId);
    }

    /** The card the early refund went to, which a clawback charges; null when none (the gateway refuses then). */
    private static String refundedCard(ReturnFacts f) {
        return f.money.refund.tenders().stream().filter(tender -> tender.type() == TenderType.CARD)
                .map(TenderRefund::tenderId).findFirst().orElse(null);
    }

    private static List<ReceiptAdvice.ExpectedItem> expectedItems(ReturnFacts f) {
        return f.lines.byOrderLine().entrySet().stream()
                .filter(entry -> entry.getValue().toShip() > 0)
                .map(entry -> new ReceiptAdvice.ExpectedItem(entry.getKey(), entry.getValue().sku,
                        entry.getValue().toShip()))
                .toList();
    }

    private static List<ReplacementRequest.Item> replacementItems(ReturnFacts f) {
        return f.money.refund.lines().stream()
                .map(line -> new ReplacementRequest.Item(line.orderLineId(),
                        f.lines.get(line.orderLineId()).replacementSku, line.quantity()))
                .toList();
    }
}
