package io.omnireturns.command.returns;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.returns.LineRefund;
import io.omnireturns.api.returns.RefundMethod;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.command.RecordRefundTax;
import io.omnireturns.api.returns.command.RecordRefundTaxApplied;
import io.omnireturns.api.returns.command.RequestRefundTax;
import io.omnireturns.api.returns.event.RefundTaxApplied;
import io.omnireturns.api.returns.event.RefundTaxCalculated;
import io.omnireturns.api.returns.event.RefundTaxRequested;
import io.omnireturns.api.tax.JurisdictionTax;

import java.util.List;

import static io.omnireturns.command.returns.ReturnErrors.CURRENCY_MISMATCH;
import static io.omnireturns.command.returns.ReturnErrors.REFUND_ALREADY_APPROVED;
import static io.omnireturns.command.returns.ReturnErrors.REFUND_BEFORE_INSPECTION;
import static io.omnireturns.command.returns.ReturnErrors.REFUND_NOT_APPROVED;
import static io.omnireturns.command.returns.ReturnErrors.REFUND_TAX_MISMATCH;
import static io.omnireturns.command.returns.ReturnErrors.illegalState;
import static io.omnireturns.command.returns.ReturnErrors.rule;

/**
 * The return's tax rules, where its refund's tax comes from the tax service: the request is recorded only while the
 * refund is being decided; an answer is recorded while the refund is undecided (one that comes after the decision
 * is of no use and changes nothing); the tax given back per jurisdiction must sum to what the approved refund gives
 * back as tax (plus, for an exchange, the tax given back on its price difference). The process keeps requests and answers apart by request id, so the return keeps no state of its own
 * for them.
 */
final class ReturnTax {

    private ReturnTax() {
    }

    static List<Object> request(RequestRefundTax command, ReturnState state) {
        if (state.approvedRefund != null) {
            throw illegalState(REFUND_ALREADY_APPROVED, "the refund of this return is already decided");
        }
        if (state.status != ReturnStatus.INSPECTED) {
            throw illegalState(REFUND_BEFORE_INSPECTION,
                    "a refund's tax is asked for only after inspection; the return is " + state.status);
        }
        requireCurrency(state, command.request().currency());
        return List.of(new RefundTaxRequested(state.returnId, command.request(), command.reasons()));
    }

    static List<Object> calculated(RecordRefundTax command, ReturnState state) {
        if (state.approvedRefund != null) {
            return List.of();
        }
        requireCurrency(state, command.calculation().currency());
        return List.of(new RefundTaxCalculated(state.returnId, command.requestId(), command.calculation()));
    }

    static List<Object> applied(RecordRefundTaxApplied command, ReturnState state) {
        if (state.approvedRefund == null) {
            throw illegalState(REFUND_NOT_APPROVED, "the refund of this return is not decided yet");
        }
        Money zero = Money.zero(state.currency);
        Money given = zero;
        for (JurisdictionTax jurisdiction : command.byJurisdiction()) {
            requireCurrency(state, jurisdiction.tax().currency());
            given = given.plus(jurisdiction.tax());
        }
        Money differenceTax = command.priceDifferenceTax() == null ? zero : command.priceDifferenceTax();
        requireCurrency(state, differenceTax.currency());
        if (!differenceTax.isZero() && state.refundMethod != RefundMethod.EXCHANGE) {
            throw rule(REFUND_TAX_MISMATCH, "only an exchange has a price difference to tax");
        }
        Money approved = state.approvedRefund.lines().stream().map(LineRefund::tax).reduce(zero, Money::plus);
        Money shippingTaxAtMost = state.approvedRefund.shippingRefund();
        Money shippingTax = given.minus(differenceTax).minus(approved);
        if (shippingTax.isNegative() || shippingTax.isGreaterThan(shippingTaxAtMost)) {
            throw rule(REFUND_TAX_MISMATCH, "the tax per jurisdiction sums to " + given
                    + ", the approved refund gives back " + approved + " of tax on its lines, " + differenceTax
                    + " on an exchange's price difference and a shipping refund of " + shippingTaxAtMost);
        }
        return List.of(new RefundTaxApplied(state.returnId, command.calculationId(), command.reasons(),
                command.byJurisdiction(), command.priceDifferenceTax()));
    }

    private static void requireCurrency(ReturnState state, String currency) {
        if (!state.currency.equals(currency)) {
            throw rule(CURRENCY_MISMATCH, "tax in " + currency + " for a return in " + state.currency);
        }
    }
}
