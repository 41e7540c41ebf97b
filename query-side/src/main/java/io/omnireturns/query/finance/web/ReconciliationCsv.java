package io.omnireturns.query.finance.web;

import io.omnireturns.platform.web.Csv;
import io.omnireturns.api.finance.ChannelTotals;
import io.omnireturns.api.finance.CurrencyTotals;
import io.omnireturns.api.finance.Discrepancy;
import io.omnireturns.api.finance.InventoryTotals;
import io.omnireturns.api.finance.JurisdictionTaxTotals;
import io.omnireturns.api.finance.LedgerAdjustment;
import io.omnireturns.api.finance.PeriodReconciliation;
import io.omnireturns.api.finance.TenderTotals;
import io.omnireturns.api.money.Money;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;

/**
 * A period's reconciliation as CSV (RFC 4180, comma separated, CRLF line ends, one header row). Every row has the
 * same columns; {@code section} says what the row is: {@code TOTAL} (one per currency and figure),
 * {@code CHANNEL}, {@code TENDER}, {@code INVENTORY}, {@code TAX} (per jurisdiction), {@code ADJUSTMENT}, then one {@code DISCREPANCY} row per
 * discrepancy of the page. The summary sections come only with the first page, so the pages of a report put one
 * after the other (without their header rows) are the whole report once. Amounts are given twice: exactly, in minor
 * units, and as a decimal in the currency's usual digits. docs/finance.md lists the columns.
 */
public final class ReconciliationCsv {

    static final List<String> COLUMNS = List.of("section", "period", "state", "currency", "channel", "tender_type",
            "disposition", "item", "count", "quantity", "amount_minor", "amount", "return_id", "order_id",
            "order_line_ids", "references", "refund_minor", "credit_memo_minor", "difference_minor", "occurred_at",
            "adjusts_period", "detail");

    private ReconciliationCsv() {
    }

    /** The report as the API's {@code Accept: text/csv} answer gives it (the staff console serves the same). */
    public static String write(PeriodReconciliation report) {
        StringBuilder csv = new StringBuilder();
        row(csv, COLUMNS.toArray(String[]::new));
        if (report.discrepancies().page() == 0) {
            summary(csv, report);
        }
        for (Discrepancy discrepancy : report.discrepancies().content()) {
            Money amount = discrepancy.refundAmount() != null ? discrepancy.refundAmount()
                    : discrepancy.creditMemoAmount();
            row(csv, "DISCREPANCY", report.period(), report.state().name(), discrepancy.currency(),
                    name(discrepancy.channel()), "", "", discrepancy.kind().name(), "1",
                    number(discrepancy.quantity()), minor(amount), decimal(amount), discrepancy.returnId(),
                    discrepancy.orderId(), String.join(";", discrepancy.orderLineIds()),
                    String.join(";", discrepancy.references()), minor(discrepancy.refundAmount()),
                    minor(discrepancy.creditMemoAmount()), minor(discrepancy.difference()),
                    text(discrepancy.occurredAt()), "", discrepancy.detail());
        }
        return csv.toString();
    }

    private static void summary(StringBuilder csv, PeriodReconciliation report) {
        String period = report.period();
        String state = report.state().name();
        for (CurrencyTotals totals : report.totals()) {
            String currency = totals.currency();
            total(csv, period, state, currency, "REFUNDS_ISSUED", totals.refundCount(), null, totals.refundsIssued());
            total(csv, period, state, currency, "REFUNDS_SETTLED", totals.settlementCount(), null,
                    totals.refundsSettled());
            total(csv, period, state, currency, "REFUNDS_FAILED", totals.failureCount(), null, totals.refundsFailed());
            total(csv, period, state, currency, "CREDIT_MEMOS_POSTED", totals.creditMemoCount(), null,
                    totals.creditMemosPosted());
            total(csv, period, state, currency, "EXCHANGES", totals.exchangeCount(), null, totals.exchanges());
            total(csv, period, state, currency, "MERCHANDISE", null, null, totals.merchandise());
            total(csv, period, state, currency, "TAX_ADJUSTMENTS", null, null, totals.taxAdjustments());
            total(csv, period, state, currency, "RESTOCKING_FEES", null, null, totals.restockingFees());
            total(csv, period, state, currency, "CONDITION_DEDUCTIONS", null, null, totals.conditionDeductions());
            total(csv, period, state, currency, "SHIPPING_REFUNDS", null, null, totals.shippingRefunds());
            total(csv, period, state, currency, "INVENTORY", null, totals.inventoryQuantity(), totals.inventoryValue());
        }
        for (ChannelTotals totals : report.byChannel()) {
            channel(csv, period, state, totals, "REFUNDS_ISSUED", totals.refundCount(), totals.refundsIssued());
            channel(csv, period, state, totals, "CREDIT_MEMOS_POSTED", totals.creditMemoCount(),
                    totals.creditMemosPosted());
            channel(csv, period, state, totals, "EXCHANGES", totals.exchangeCount(), totals.exchanges());
        }
        for (TenderTotals totals : report.byTender()) {
            row(csv, "TENDER", period, state, totals.currency(), "", name(totals.tenderType()), "", "REFUNDS_ISSUED",
                    String.valueOf(totals.refundCount()), "", minor(totals.refundsIssued()),
                    decimal(totals.refundsIssued()), "", "", "", "", "", "", "", "", "", "");
        }
        for (InventoryTotals totals : report.inventory()) {
            row(csv, "INVENTORY", period, state, totals.currency(), "", "", name(totals.disposition()), "INVENTORY",
                    "", String.valueOf(totals.quantity()), minor(totals.value()), decimal(totals.value()), "", "", "",
                    "", "", "", "", "", "", "");
        }
        for (JurisdictionTaxTotals tax : report.taxByJurisdiction()) {
            // item: the jurisdiction; refund: tax given back, credit memo: tax posted, difference: the one less the other
            row(csv, "TAX", period, state, tax.currency(), "", "", "", tax.jurisdiction(), "", "",
                    minor(tax.taxGivenBack()), decimal(tax.taxGivenBack()), "", "", "", "", minor(tax.taxGivenBack()),
                    minor(tax.creditMemoTax()), minor(tax.difference()), "", "", tax.balanced() ? "balanced" : "out of step");
        }
        for (LedgerAdjustment adjustment : report.adjustments()) {
            row(csv, "ADJUSTMENT", period, state, adjustment.amount().currency(), name(adjustment.channel()), "", "",
                    adjustment.kind().name(), "1", number(adjustment.quantity()), minor(adjustment.amount()),
                    decimal(adjustment.amount()), adjustment.returnId(), adjustment.orderId(),
                    adjustment.orderLineId() == null ? "" : adjustment.orderLineId(), text(adjustment.reference()),
                    "", "", "", text(adjustment.occurredAt()), adjustment.adjustsPeriod(), adjustment.reason().name());
        }
    }

    private static void total(StringBuilder csv, String period, String state, String currency, String item, Long count,
                              Long quantity, Money amount) {
        row(csv, "TOTAL", period, state, currency, "", "", "", item, number(count), number(quantity), minor(amount),
                decimal(amount), "", "", "", "", "", "", "", "", "", "");
    }

    private static void channel(StringBuilder csv, String period, String state, ChannelTotals totals, String item,
                                long count, Money amount) {
        row(csv, "CHANNEL", period, state, totals.currency(), totals.channel().name(), "", "", item,
                String.valueOf(count), "", minor(amount), decimal(amount), "", "", "", "", "", "", "", "", "", "");
    }

    private static String minor(Money amount) {
        return amount == null ? "" : String.valueOf(amount.minor());
    }

    /** The amount in the currency's usual digits, e.g. 1234 EUR is 12.34 and 1234 JPY is 1234. */
    private static String decimal(Money amount) {
        if (amount == null) {
            return "";
        }
        int digits = Math.max(Currency.getInstance(amount.currency()).getDefaultFractionDigits(), 0);
        return BigDecimal.valueOf(amount.minor(), digits).toPlainString();
    }

    private static String number(Number value) {
        return value == null ? "" : value.toString();
    }

    private static String name(Enum<?> value) {
        return value == null ? "" : value.name();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static void row(StringBuilder csv, String... cells) {
        if (cells.length != COLUMNS.size()) {
            throw new IllegalArgumentException("a row has " + COLUMNS.size() + " cells, got "
                    + Arrays.toString(cells));
        }
        Csv.appendRow(csv, Arrays.asList(cells));
    }
}
