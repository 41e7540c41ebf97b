package io.omnireturns.command.returns.application;

import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.ledger.AllocateRefund;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.returns.LineRefund;
import io.omnireturns.api.returns.ProcessStep;
import io.omnireturns.api.returns.command.DecideExchangeDifference;
import io.omnireturns.api.returns.command.GrantStoreCreditBonus;
import io.omnireturns.api.returns.event.SettlementTermsAgreed;
import io.omnireturns.command.policy.refund.ExchangeSettlement;
import io.omnireturns.command.policy.refund.SettlementTerms;
import io.omnireturns.api.returns.RefundBreakdown;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.command.ApproveRefund;
import io.omnireturns.api.returns.command.DecideRefund;
import io.omnireturns.api.returns.command.RaiseException;
import io.omnireturns.api.returns.command.RecordRefundRequested;
import io.omnireturns.api.returns.command.RecordRefundTaxApplied;
import io.omnireturns.api.returns.command.RequestRefundTax;
import io.omnireturns.command.policy.tax.PriceDifferenceTax;
import io.omnireturns.command.policy.tax.RefundTaxFigures;
import io.omnireturns.command.ledger.OrderLedgerAggregate;
import io.omnireturns.command.returns.ReturnAggregate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * {@link DecideRefund}: the order's ledger allocates the refund, the return approves it and, when money goes back
 * through the original tenders, records it requested, all in the command's one unit of work (one transaction). The
 * two aggregates keep their own rules: each is asked through its own command handler ({@code AllocateRefund},
 * {@code ApproveRefund}, {@code RecordRefundRequested}, {@code RaiseException}), loaded here side by side.
 * <p>
 * A refusal by the ledger is not a failure of the command: a person must look, so the return raises an exception
 * (step {@code REFUND_PAYMENT}, key {@link #REFUND_DECISION}) and the outcome is an event either way. A refusal by the
 * return (on hold meanwhile, for instance) fails the command and leaves nothing behind, the ledger's allocation
 * included. A return already decided (approved, or refused with that exception still open) changes nothing.
 * A goodwill exception granted on the return ({@code GoodwillGranted}) has the ledger price it without deductions.
 * <p>
 * Where the order's proportional share of tax is not enough ({@link RefundTaxPlanner}), the first decision records
 * the tax request on the return instead ({@code RefundTaxRequested}) and decides nothing; the process calls the tax
 * service and sends the decision again with its figures, and the approval then records the tax given back per
 * jurisdiction ({@code RefundTaxApplied}) beside it. A return whose quote was priced with the service's figures
 * (on its {@code SettlementTermsAgreed}) applies them at once when it asks what the quote asked.
 */
@Component
public class RefundDecision {

    public static final String REFUND_DECISION = "REFUND_DECISION";

    private final Repository<ReturnAggregate> returns;
    private final Repository<OrderLedgerAggregate> ledgers;
    private final RefundTaxPlanner taxes;

    public RefundDecision(@Qualifier("returnAggregateRepository") Repository<ReturnAggregate> returns,
                          @Qualifier("orderLedgerAggregateRepository") Repository<OrderLedgerAggregate> ledgers,
                          RefundTaxPlanner taxes) {
        this.returns = returns;
        this.ledgers = ledgers;
        this.taxes = taxes;
    }

    @CommandHandler
    public void handle(DecideRefund command, CommandMessage<DecideRefund> message) throws Exception {
        Aggregate<ReturnAggregate> refund = returns.load(command.returnId());
        if (refund.invoke(aggregate -> aggregate.refundDecided(REFUND_DECISION))) {
            return;
        }
        boolean goodwill = refund.invoke(ReturnAggregate::deductionsWaived);
        Map<String, Money> replacementPrices = replacementPrices(command, refund);
        RefundTaxFigures quotedTax = quotedTax(refund);
        RefundBreakdown breakdown;
        RefundTaxPlanner.Plan tax;
        try {
            Aggregate<OrderLedgerAggregate> ledger = ledgers.load(command.orderId());
            tax = ledger.invoke(loaded -> taxes.plan(command, loaded, goodwill, replacementPrices, quotedTax));
            if (tax instanceof RefundTaxPlanner.Ask ask) {
                refund.handle(sameCaller(message, new RequestRefundTax(command.returnId(), ask.request(),
                        ask.reasons())));
                return;
            }
            RefundTaxPlanner.Apply figures = tax instanceof RefundTaxPlanner.Apply apply && apply.refundTax()
                    ? apply : null;
            breakdown = (RefundBreakdown) ledger.handle(sameCaller(message,
                    new AllocateRefund(command.orderId(), command.returnId(), command.refundMethod(), command.lines(),
                            goodwill, figures == null ? null : figures.figures().request(),
                            figures == null ? null : figures.figures().calculation())));
        } catch (DomainException refused) {
            // the order's ledger will not pay this: a person must look, not a retry loop
            refund.handle(sameCaller(message, new RaiseException(command.returnId(), ProcessStep.REFUND_PAYMENT,
                    REFUND_DECISION, refused.code(), refused.getMessage(), 1)));
            return;
        } catch (AggregateNotFoundException noLedger) {
            refund.handle(sameCaller(message, new RaiseException(command.returnId(), ProcessStep.REFUND_PAYMENT,
                    REFUND_DECISION, OrderLedgerAggregate.RETURN_NOT_KNOWN_TO_ORDER,
                    "order " + command.orderId() + " holds nothing for any return", 1)));
            return;
        }
        refund.handle(sameCaller(message, new ApproveRefund(command.returnId(), breakdown)));
        RefundTaxPlanner.Apply applied = tax instanceof RefundTaxPlanner.Apply apply ? apply : null;
        if (applied != null) {
            refund.handle(sameCaller(message, ExchangeTaxApplication.taxApplied(command.returnId(), breakdown,
                    applied)));
        }
        if (!breakdown.total().isZero() && command.refundMethod() != RefundMethod.EXCHANGE) {
            Money bonus = storeCreditBonus(command, refund, breakdown);
            if (bonus.isPositive()) {
                refund.handle(sameCaller(message, new GrantStoreCreditBonus(command.returnId(), bonus)));
            }
            refund.handle(sameCaller(message, new RecordRefundRequested(command.returnId(), command.paymentKey(),
                    breakdown.total().plus(bonus))));
        }
        if (command.refundMethod() == RefundMethod.EXCHANGE) {
            settleExchange(command.returnId(), command.paymentKey(), message, refund, breakdown,
                    applied != null && applied.priceDifferenceTaxed() ? applied : null);
        }
    }

    /** An exchange's replacements priced at the request; none for any other refund. */
    private static Map<String, Money> replacementPrices(DecideRefund command, Aggregate<ReturnAggregate> refund) {
        if (command.refundMethod() != RefundMethod.EXCHANGE) {
            return Map.of();
        }
        SettlementTermsAgreed terms = refund.invoke(ReturnAggregate::settlementTerms);
        return terms == null ? Map.of() : terms.replacementUnitPrices();
    }

    /** The tax service's figures the return's quote was priced with, if any (applied when asked again alike). */
    private static RefundTaxFigures quotedTax(Aggregate<ReturnAggregate> refund) {
        SettlementTermsAgreed terms = refund.invoke(ReturnAggregate::settlementTerms);
        return terms == null || terms.quotedTaxRequest() == null ? null
                : new RefundTaxFigures(terms.quotedTaxRequest(), terms.quotedTaxCalculation());
    }

    /**
     * An exchange whose replacements were priced when requested settles the difference: a cheaper replacement's is
     * refunded (requested here, like a refund), a dearer one's charged by the process. One requested without prices
     * settles in goods as before. Where the tax service taxed the differences ({@code differenceTax}), the
     * replacements cost what its figures say ({@link PriceDifferenceTax}), else their catalogue prices. Also the
     * settlement of an exchange at its first carrier scan ({@link EarlyRefundDecisions}).
     */
    static void settleExchange(String returnId, String paymentKey, CommandMessage<?> message,
                               Aggregate<ReturnAggregate> refund, RefundBreakdown breakdown,
                               RefundTaxPlanner.Apply differenceTax)
            throws Exception {
        SettlementTermsAgreed terms = refund.invoke(ReturnAggregate::settlementTerms);
        if (terms == null || terms.replacementUnitPrices().isEmpty() || breakdown.total().isZero()) {
            return; // nothing came back worth anything: no replacement goes out, as before
        }
        Money cost = Money.zero(breakdown.currency());
        if (differenceTax != null) {
            cost = ExchangeTaxApplication.replacementCost(breakdown, terms.replacementUnitPrices(), differenceTax);
        } else {
            for (LineRefund line : breakdown.lines()) {
                Money unitPrice = terms.replacementUnitPrices().get(line.orderLineId());
                // a line without a priced replacement is swapped like for like: it costs what it gives back
                cost = cost.plus(unitPrice == null ? line.amount() : unitPrice.times(line.quantity()));
            }
        }
        Money value = breakdown.total();
        Money bonus = new SettlementTerms(0, terms.exchangeBonusBasisPoints()).exchangeBonus(value);
        ExchangeSettlement settlement = ExchangeSettlement.of(value, bonus, cost);
        // decided even when even: the process sends the replacement once it knows no charge comes first
        refund.handle(sameCaller(message, new DecideExchangeDifference(returnId, value, bonus, cost,
                settlement.refund(), settlement.charge(), settlement.refundTenders(breakdown.tenders()),
                chargeKey(returnId))));
        if (settlement.refund().isPositive()) {
            refund.handle(sameCaller(message,
                    new RecordRefundRequested(returnId, paymentKey, settlement.refund())));
        }
    }

    /** The store-credit bonus the return's quote offered, at its rate of the approved refund (rounded down). */
    private static Money storeCreditBonus(DecideRefund command, Aggregate<ReturnAggregate> refund,
                                          RefundBreakdown breakdown) {
        SettlementTermsAgreed terms = refund.invoke(ReturnAggregate::settlementTerms);
        if (command.refundMethod() != RefundMethod.STORE_CREDIT || terms == null
                || terms.storeCreditBonusBasisPoints() <= 0) {
            return Money.zero(breakdown.currency());
        }
        return new SettlementTerms(terms.storeCreditBonusBasisPoints(), 0).storeCreditBonus(breakdown.total());
    }

    /** One charge of the difference per return, for ever: the gateway takes it only once. */
    public static String chargeKey(String returnId) {
        return returnId + ":" + ProcessStep.CHARGE_DIFFERENCE.name();
    }

    /** The step's command under the decision's metadata: its caller's scope, correlation and trace. */
    private static CommandMessage<?> sameCaller(CommandMessage<?> decision, Object step) {
        return GenericCommandMessage.asCommandMessage(step).andMetaData(decision.getMetaData());
    }
}
