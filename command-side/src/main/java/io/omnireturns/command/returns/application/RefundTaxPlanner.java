package io.omnireturns.command.returns.application;

import io.omnireturns.api.ledger.AllocateRefund;
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

import java.util.List;

/**
 * Part of the refund decision: whether the refund's tax is the order's proportional share, the tax service's
 * figures already in, or must first be asked of the service. It reads the order's ledger (what the refund would be
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

    /** Price the refund with the service's figures, which fit the refund's amounts. */
    record Apply(RefundTaxFigures figures, List<String> reasons, OrderSnapshot order) implements Plan {
    }

    private final RefundCalculator calculator;
    private final TaxConsultation consultation;
    private final TaxJurisdictions jurisdictions;

    RefundTaxPlanner(RefundCalculator calculator, TaxConsultation consultation, TaxJurisdictions jurisdictions) {
        this.calculator = calculator;
        this.consultation = consultation;
        this.jurisdictions = jurisdictions;
    }

    Plan plan(DecideRefund command, OrderLedgerAggregate ledger, boolean deductionsWaived) {
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
        List<String> reasons = consultation.reasons(sold, returned, proportional);
        if (reasons.isEmpty() || proportional.lines().isEmpty()) {
            return new Proportional();
        }
        TaxRequest request = RefundTaxRequests.of(
                RefundTaxRequests.requestId(command.returnId(), tax.requestsMade() + 1), command.returnId(), order,
                proportional, sold, returned);
        if (tax.lastCalculation() != null && RefundTaxRequests.sameBasis(request, tax.lastRequest())) {
            return new Apply(new RefundTaxFigures(tax.lastRequest(), tax.lastCalculation()), reasons, order);
        }
        return new Ask(request, reasons);
    }
}
