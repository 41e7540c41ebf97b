package io.omnireturns.command.returns.application;

import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.ledger.AllocateRefund;
import io.omnireturns.api.ledger.RefundableLine;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.returns.ClawbackKind;
import io.omnireturns.api.returns.ProcessStep;
import io.omnireturns.api.returns.RefundBreakdown;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.command.DecideRefund;
import io.omnireturns.api.returns.event.SettlementTermsAgreed;
import io.omnireturns.api.tax.RefundTaxContext;
import io.omnireturns.command.policy.refund.SettlementTerms;
import io.omnireturns.api.returns.command.ApproveEarlyRefund;
import io.omnireturns.api.returns.command.DecideClawback;
import io.omnireturns.api.returns.command.DecideEarlyRefund;
import io.omnireturns.api.returns.command.RecordClawbackDecision;
import io.omnireturns.api.returns.command.RecordRefundRequested;
import io.omnireturns.command.ledger.OrderLedgerAggregate;
import io.omnireturns.command.policy.instantrefund.ClawbackDecision;
import io.omnireturns.command.policy.instantrefund.EarlyRefundDecision;
import io.omnireturns.command.policy.instantrefund.InstantRefundPolicy;
import io.omnireturns.command.policy.refund.RefundCalculator;
import io.omnireturns.command.returns.ReturnAggregate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Refunds at the first carrier scan ({@link DecideEarlyRefund}) and their clawback at inspection
 * ({@link DecideClawback}), each in its command's one unit of work, as {@link RefundDecision} decides a normal refund.
 * <p>
 * At the scan the {@link InstantRefundPolicy} asks for the customer's tier (the process sends the command only for a
 * mail-back money refund in transit, cleared by fraud scoring and not on hold); granted, the order's ledger allocates
 * the refund of the declared lines at the best grade, the return approves it ({@code EarlyRefundGranted},
 * {@code RefundApproved}) and records it requested under the one payment key of the return; the customer's return
 * history marks it refunded early (the instant-refund share of the trust signals). Declined by the policy, or
 * refused by the ledger, nothing changes: inspection decides the refund as usual.
 * <p>
 * Once inspected, the ledger prices the inspected lines as a normal refund would have been (against the order's other
 * returns) and the policy compares that with what was paid early: the return records the shortfall, if any, to be
 * charged back or handed to an agent ({@code ClawbackDecided}); a refund that went to no card (store credit, a gift
 * card) has nothing to charge, so its shortfall always goes to an agent.
 * <p>
 * An exchange (where the policy settles exchanges early) is settled at the scan as {@link RefundDecision} settles one
 * after inspection: the declared lines' value approved ({@code EarlyExchangeGranted}, {@code RefundApproved}), the
 * price difference decided against the replacements priced at the request and, when cheaper, requested back; the
 * process then charges a dearer difference and orders the replacement. Only where the order's proportional share of
 * tax is the refund's tax: an exchange whose tax needs the tax service is settled after inspection as before. At
 * inspection its clawback compares credits, the returned value plus the exchange bonus on it, early and as inspected.
 */
@Component
public class EarlyRefundDecisions {

    private static final Logger log = LoggerFactory.getLogger(EarlyRefundDecisions.class);

    private final Repository<ReturnAggregate> returns;
    private final Repository<OrderLedgerAggregate> ledgers;
    private final InstantRefundPolicy policy;
    private final RefundCalculator calculator;
    private final CustomerReturnHistory history;
    private final RefundTaxPlanner taxes;

    public EarlyRefundDecisions(@Qualifier("returnAggregateRepository") Repository<ReturnAggregate> returns,
                                @Qualifier("orderLedgerAggregateRepository") Repository<OrderLedgerAggregate> ledgers,
                                InstantRefundPolicy policy, RefundCalculator calculator,
                                CustomerReturnHistory history, RefundTaxPlanner taxes) {
        this.returns = returns;
        this.ledgers = ledgers;
        this.policy = policy;
        this.calculator = calculator;
        this.history = history;
        this.taxes = taxes;
    }

    @CommandHandler
    public void handle(DecideEarlyRefund command, CommandMessage<DecideEarlyRefund> message) throws Exception {
        Aggregate<ReturnAggregate> refund = returns.load(command.returnId());
        boolean decided = refund.invoke(aggregate -> aggregate.refundDecided(RefundDecision.REFUND_DECISION));
        boolean exchange = command.refundMethod() == RefundMethod.EXCHANGE;
        EarlyRefundDecision decision = policy.atFirstScan(refund.invoke(ReturnAggregate::trustTier), true, true,
                decided, exchange);
        if (!decision.granted()) {
            log.debug("Return {} is not refunded at its first scan: {}", command.returnId(), decision.reasonCode());
            return;
        }
        List<RefundableLine> declared = refund.invoke(ReturnAggregate::declaredLines);
        boolean goodwill = refund.invoke(ReturnAggregate::deductionsWaived);
        RefundBreakdown breakdown;
        try {
            Aggregate<OrderLedgerAggregate> ledger = ledgers.load(command.orderId());
            if (exchange && !proportionalTax(command, ledger, refund, declared, goodwill)) {
                log.debug("Return {} is not exchanged at its first scan: {}", command.returnId(),
                        EarlyRefundDecision.TAX_SERVICE_NEEDED);
                return;
            }
            breakdown = (RefundBreakdown) ledger.handle(sameCaller(message,
                    new AllocateRefund(command.orderId(), command.returnId(), command.refundMethod(), declared,
                            goodwill)));
        } catch (DomainException | AggregateNotFoundException refused) {
            log.info("Return {} is not refunded early, its order's ledger refused: {}", command.returnId(),
                    refused.getMessage());
            return; // the ledger refuses before it books anything: inspection decides as usual
        }
        refund.handle(sameCaller(message, new ApproveEarlyRefund(command.returnId(), breakdown)));
        if (exchange) {
            RefundDecision.settleExchange(command.returnId(), command.paymentKey(), message, refund, breakdown, null);
        } else {
            refund.handle(sameCaller(message, new RecordRefundRequested(command.returnId(), command.paymentKey(),
                    breakdown.total())));
        }
        history.refundedEarly(command.returnId()); // in the command's transaction, with its events
    }

    /** The exchange's tax is the order's proportional share, refund and price difference alike: no service asked. */
    private boolean proportionalTax(DecideEarlyRefund command, Aggregate<OrderLedgerAggregate> ledger,
                                    Aggregate<ReturnAggregate> refund, List<RefundableLine> declared,
                                    boolean goodwill) {
        SettlementTermsAgreed terms = refund.invoke(ReturnAggregate::settlementTerms);
        Map<String, Money> prices = terms == null ? Map.of() : terms.replacementUnitPrices();
        DecideRefund asInspected = new DecideRefund(command.returnId(), command.orderId(), command.refundMethod(),
                declared, command.paymentKey(), RefundTaxContext.none());
        return ledger.invoke(loaded -> taxes.plan(asInspected, loaded, goodwill, prices, null))
                instanceof RefundTaxPlanner.Proportional;
    }

    @CommandHandler
    public void handle(DecideClawback command, CommandMessage<DecideClawback> message) throws Exception {
        Aggregate<ReturnAggregate> refund = returns.load(command.returnId());
        Money paidEarly = refund.invoke(ReturnAggregate::earlyRefundAmount);
        if (paidEarly == null || refund.invoke(ReturnAggregate::clawbackDecided)) {
            return;
        }
        boolean goodwill = refund.invoke(ReturnAggregate::deductionsWaived);
        AllocateRefund inspected = new AllocateRefund(command.orderId(), command.returnId(), command.refundMethod(),
                command.lines(), goodwill);
        RefundBreakdown priced = ledgers.load(command.orderId())
                .invoke(ledger -> ledger.reprice(inspected, calculator));
        Money inspectedCredit = priced.total();
        if (refund.invoke(ReturnAggregate::exchangeDifferenceDecided)) {
            // the exchange bonus on what inspection accepts, as the settlement at the scan gave it on the declared
            int bonusRate = refund.invoke(ReturnAggregate::settlementTerms).exchangeBonusBasisPoints();
            inspectedCredit = inspectedCredit.plus(new SettlementTerms(0, bonusRate).exchangeBonus(inspectedCredit));
        }
        ClawbackDecision decision = policy.afterInspection(paidEarly, inspectedCredit);
        ClawbackKind kind = ClawbackKind.valueOf(decision.kind().name());
        if (kind == ClawbackKind.CHARGE && !refund.invoke(ReturnAggregate::refundedToCard)) {
            kind = ClawbackKind.CASE; // store credit or a gift card: no card to charge, an agent settles it
        }
        refund.handle(sameCaller(message, new RecordClawbackDecision(command.returnId(), inspectedCredit, kind,
                decision.amount(), clawbackKey(command.returnId()))));
    }

    /** One clawback charge per return, for ever: the gateway takes it only once. */
    public static String clawbackKey(String returnId) {
        return returnId + ":" + ProcessStep.CLAWBACK_CHARGE.name();
    }

    private static CommandMessage<?> sameCaller(CommandMessage<?> decision, Object step) {
        return GenericCommandMessage.asCommandMessage(step).andMetaData(decision.getMetaData());
    }
}
