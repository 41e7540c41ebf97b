package io.omnireturns.command.returns.application;

import io.omnireturns.api.ledger.AllocateRefund;
import io.omnireturns.api.money.Money;
import io.omnireturns.command.policy.tax.PriceDifferenceTax;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.returns.RefundBreakdown;
import io.omnireturns.api.returns.command.DecideRefund;
import io.omnireturns.api.tax.RefundTaxContext;
import io.omnireturns.api.tax.TaxRequest;
import io.omnireturns.command.ledger.OrderLedgerAggregate;
import io.omnireturns.command.policy.refund.RefundCalculator;
import io.omnireturns.command.policy.tax.RefundTaxFigures;
import io.omnireturns.command.policy.tax.RefundTaxQuestion;
import io.omnireturns.command.policy.tax.RefundTaxRequests;
import io.omnireturns.command.policy.tax.TaxConsultation;
import io.omnireturns.command.policy.tax.TaxJurisdictions;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Part of the refund decision: whether the refund's tax is the order's proportional share, the tax service's
 * figures already in (the answer to the process's last request, or the figures the return's quote was priced with,
 * when this refund asks exactly what they answered), or must first be asked of the service. What is asked and why is
 * {@link RefundTaxQuestion}, the rule the quote uses too. An exchange at a different price asks, in the same
 * request, about the tax of each replacement's price difference ({@link PriceDifferenceTax}). It reads the order's ledger (what the refund would be
 * with the proportional share, nothing booked) and calls nothing remote: the call is the return process's
 * {@code CALCULATE_TAX} step, made off every processor thread, whose answer comes back as an event.
 */
@Component
class RefundTaxPlanner {

    /** What the refund decision does about tax. */
    sealed interface Plan {
    }

    /** The order's proportional share: the service is not asked. */
    record Proportional() implements Plan {
    }

    /** Ask the service first; decide once its answer is in. */
    record Ask(TaxRequest request, List<String> reasons) implements Plan {
    }

    /**
     * Price the refund with the service's figures, which fit the refund's amounts. {@code refundTax}: the refund's
     * own lines were asked about (else they keep the proportional share); {@code replacementUnitPrices}: an exchange's
     * priced replacements whose differences were asked about (empty otherwise); {@code saleJurisdiction}: where the
     * order was sold; {@code asked}: the refund priced with the order's proportional share, which the question was
     * built on (the price differences are its, whatever tax the service then gives the refund's own lines).
     */
    record Apply(RefundTaxFigures figures, List<String> reasons, OrderSnapshot order, boolean refundTax,
                 Map<String, Money> replacementUnitPrices, String saleJurisdiction, RefundBreakdown asked)
            implements Plan {

        boolean priceDifferenceTaxed() {
            return !replacementUnitPrices.isEmpty();
        }
    }

    private final RefundCalculator calculator;
    private final TaxConsultation consultation;
    private final TaxJurisdictions jurisdictions;

    RefundTaxPlanner(RefundCalculator calculator, TaxConsultation consultation, TaxJurisdictions jurisdictions) {
        this.calculator = calculator;
        this.consultation = consultation;
        this.jurisdictions = jurisdictions;
    }

    /**
     * @param replacementUnitPrices an exchange's replacements priced at the request (empty for any other refund): their
     *                              price differences are asked about where {@code PRICE_DIFFERENCE} is switched on
     * @param quoted                the tax service's figures the return's quote was priced with (null: none); applied
     *                              without asking again when this refund asks exactly what the quote asked
     */
    Plan plan(DecideRefund command, OrderLedgerAggregate ledger, boolean deductionsWaived,
              Map<String, Money> replacementUnitPrices, RefundTaxFigures quoted) {
        if (!consultation.everConsulted()) {
            return new Proportional();
        }
        OrderSnapshot order = ledger.order();
        RefundTaxContext tax = command.tax();
        String sold = jurisdictions.saleJurisdiction(order);
        String returned = jurisdictions.returnJurisdiction(order,
                tax.storeId() == null ? null : SalesChannel.STORE, tax.storeId());
        RefundBreakdown proportional = ledger.preview(new AllocateRefund(command.orderId(), command.returnId(),
                command.refundMethod(), command.lines(), deductionsWaived), calculator);
        Optional<RefundTaxQuestion> question = RefundTaxQuestion.of(consultation, order, command.refundMethod(),
                proportional, replacementUnitPrices, sold, returned);
        if (question.isEmpty()) {
            return new Proportional();
        }
        RefundTaxQuestion asked = question.get();
        TaxRequest request = asked.request(RefundTaxRequests.requestId(command.returnId(), tax.requestsMade() + 1),
                command.returnId(), order.currency());
        Map<String, Money> differencePrices = asked.priceDifference() ? replacementUnitPrices : Map.of();
        if (tax.lastCalculation() != null && RefundTaxRequests.sameBasis(request, tax.lastRequest())) {
            return new Apply(new RefundTaxFigures(tax.lastRequest(), tax.lastCalculation()), asked.reasons(), order,
                    asked.refundTax(), differencePrices, sold, proportional);
        }
        if (quoted != null && RefundTaxRequests.sameBasis(request, quoted.request())) {
            // the items came back as quoted: the quote's figures are honoured, not asked for again
            return new Apply(quoted, asked.reasons(), order, asked.refundTax(), differencePrices, sold,
                    proportional);
        }
        return new Ask(request, asked.reasons());
    }
}
