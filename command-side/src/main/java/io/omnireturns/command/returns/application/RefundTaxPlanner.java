package io.omnireturns.command.returns.application;

import io.omnireturns.api.ledger.AllocateRefund;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.tax.TaxableLine;
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
import io.omnireturns.command.policy.tax.RefundTaxRequests;
import io.omnireturns.command.policy.tax.TaxConsultation;
import io.omnireturns.command.policy.tax.TaxJurisdictions;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Part of the refund decision: whether the refund's tax is the order's proportional share, the tax service's
 * figures already in, or must first be asked of the service. An exchange at a different price asks, in the same
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
     * order was sold.
     */
    record Apply(RefundTaxFigures figures, List<String> reasons, OrderSnapshot order, boolean refundTax,
                 Map<String, Money> replacementUnitPrices, String saleJurisdiction) implements Plan {

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
     */
    Plan plan(DecideRefund command, OrderLedgerAggregate ledger, boolean deductionsWaived,
              Map<String, Money> replacementUnitPrices) {
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
        if (proportional.lines().isEmpty()) {
            return new Proportional();
        }
        List<String> refundReasons = consultation.reasons(sold, returned, proportional);
        List<PriceDifferenceTax.Line> differences = command.refundMethod() == RefundMethod.EXCHANGE
                ? PriceDifferenceTax.lines(proportional, replacementUnitPrices) : List.of();
        List<String> differenceReasons = differences.isEmpty() ? List.of()
                : consultation.reasonsForPriceDifference(differences.get(0).difference());
        if (refundReasons.isEmpty() && differenceReasons.isEmpty()) {
            return new Proportional();
        }
        String requestId = RefundTaxRequests.requestId(command.returnId(), tax.requestsMade() + 1);
        List<TaxableLine> lines = new ArrayList<>();
        if (!refundReasons.isEmpty()) {
            lines.addAll(RefundTaxRequests.of(requestId, command.returnId(), order, proportional, sold, returned)
                    .lines());
        }
        if (!differenceReasons.isEmpty()) {
            lines.addAll(PriceDifferenceTax.taxable(differences, order, sold, returned));
        }
        TaxRequest request = new TaxRequest(requestId, command.returnId(), order.currency(), lines);
        List<String> reasons = new ArrayList<>(refundReasons);
        reasons.addAll(differenceReasons);
        if (tax.lastCalculation() != null && RefundTaxRequests.sameBasis(request, tax.lastRequest())) {
            return new Apply(new RefundTaxFigures(tax.lastRequest(), tax.lastCalculation()), reasons, order,
                    !refundReasons.isEmpty(), differenceReasons.isEmpty() ? Map.of() : replacementUnitPrices, sold);
        }
        return new Ask(request, reasons);
    }
}
