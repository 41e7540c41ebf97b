package io.omnireturns.api.finance;

import java.time.Instant;
import java.util.List;

/**
 * The finance report of one accounting period: what was booked in it (totals per currency, per currency and
 * channel, per currency and tender, inventory per currency and disposition), the bookings that adjust a closed
 * period, and the discrepancies attributed to it, one page at a time. {@code from} is inclusive, {@code to}
 * exclusive. {@code taxByJurisdiction}: the tax given back and posted per jurisdiction, where the tax service figured
 * it. A closed period answers the report frozen at {@code closedAt}; an open one is computed at
 * {@code generatedAt}.
 */
public record PeriodReconciliation(String period, String timeZone, Instant from, Instant to, PeriodState state,
                                   Instant generatedAt, Instant closedAt, String closedBy,
                                   List<CurrencyTotals> totals, List<ChannelTotals> byChannel,
                                   List<TenderTotals> byTender, List<InventoryTotals> inventory,
                                   List<LedgerAdjustment> adjustments, List<DiscrepancyCount> discrepancyCounts,
                                   DiscrepancyPage discrepancies, List<JurisdictionTaxTotals> taxByJurisdiction) {

    public PeriodReconciliation {
        taxByJurisdiction = taxByJurisdiction == null ? List.of() : List.copyOf(taxByJurisdiction);
        totals = List.copyOf(totals);
        byChannel = List.copyOf(byChannel);
        byTender = List.copyOf(byTender);
        inventory = List.copyOf(inventory);
        adjustments = List.copyOf(adjustments);
        discrepancyCounts = List.copyOf(discrepancyCounts);
    }

    /** The same report with another page of its discrepancies (only a report holding all of them can give it). */
    public PeriodReconciliation withDiscrepancies(DiscrepancyPage page) {
        return new PeriodReconciliation(period, timeZone, from, to, state, generatedAt, closedAt, closedBy, totals,
                byChannel, byTender, inventory, adjustments, discrepancyCounts, page, taxByJurisdiction);
    }
}
