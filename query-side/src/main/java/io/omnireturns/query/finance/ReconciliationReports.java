package io.omnireturns.query.finance;

import io.omnireturns.api.finance.ChannelTotals;
import io.omnireturns.api.finance.CurrencyTotals;
import io.omnireturns.api.finance.Discrepancy;
import io.omnireturns.api.finance.DiscrepancyCount;
import io.omnireturns.api.finance.DiscrepancyKind;
import io.omnireturns.api.finance.DiscrepancyPage;
import io.omnireturns.api.finance.FindPeriodReconciliation;
import io.omnireturns.api.finance.InventoryTotals;
import io.omnireturns.api.finance.JurisdictionTaxTotals;
import io.omnireturns.api.finance.LedgerAdjustment;
import io.omnireturns.api.finance.LedgerEntryKind;
import io.omnireturns.api.finance.PeriodReconciliation;
import io.omnireturns.api.finance.PeriodState;
import io.omnireturns.api.finance.TenderTotals;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.query.finance.FinanceLedgerRepository.TotalsRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The reconciliation report of a period: frozen when the period is closed, otherwise computed from the ledger as
 * it stands, with the clock deciding which refunds are overdue for settlement.
 */
@Service
class ReconciliationReports {

    private static final Comparator<Discrepancy> REPORT_ORDER = Comparator
            .comparing(Discrepancy::kind)
            .thenComparing(Discrepancy::occurredAt)
            .thenComparing(Discrepancy::returnId)
            .thenComparing(discrepancy -> String.join(",", discrepancy.orderLineIds()))
            .thenComparing(discrepancy -> String.join(",", discrepancy.references()));

    private static final Comparator<LedgerAdjustment> ADJUSTMENT_ORDER = Comparator
            .comparing(LedgerAdjustment::occurredAt)
            .thenComparing(LedgerAdjustment::returnId)
            .thenComparing(LedgerAdjustment::kind)
            .thenComparing(adjustment -> Objects.toString(adjustment.reference(), ""))
            .thenComparing(adjustment -> Objects.toString(adjustment.orderLineId(), ""));

    private final FinanceLedgerRepository repository;
    private final AccountingPeriods periods;
    private final DiscrepancyRules rules;
    private final Clock clock;
    private final TransactionTemplate consistentRead;

    ReconciliationReports(FinanceLedgerRepository repository, AccountingPeriods periods,
                                 FinanceProperties properties, Clock clock,
                                 PlatformTransactionManager transactionManager) {
        this.repository = repository;
        this.periods = periods;
        this.rules = new DiscrepancyRules(properties.settlementTime());
        this.clock = clock;
        // totals, discrepancies and adjustments from one snapshot of the ledger
        this.consistentRead = new TransactionTemplate(transactionManager);
        this.consistentRead.setReadOnly(true);
        this.consistentRead.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    PeriodReconciliation reconciliation(FindPeriodReconciliation query) {
        YearMonth period = AccountingPeriods.parse(query.period());
        int size = Math.min(Math.max(query.size(), 1), FindPeriodReconciliation.MAX_PAGE_SIZE);
        PeriodReconciliation full = consistentRead.execute(status -> repository.frozenReport(period)
                .orElseGet(() -> build(period, clock.instant(), null, null)));
        return page(full, Math.max(query.page(), 0), size);
    }

    /**
     * The whole report of a period as the ledger stands, every discrepancy on one page, read in the caller's
     * transaction. {@code closedAt} and {@code closedBy} are set when the report is the one a close freezes.
     */
    PeriodReconciliation build(YearMonth period, Instant now, Instant closedAt, String closedBy) {
        Set<YearMonth> closed = repository.closedPeriods();
        List<Discrepancy> discrepancies = new ArrayList<>();
        List<LedgerAdjustment> adjustments = new ArrayList<>();
        repository.forEachReturnBookedIn(period, bookings -> {
            for (DiscrepancyRules.Found found : rules.detect(bookings, now)) {
                if (found.period().equals(period)) {
                    discrepancies.add(found.discrepancy());
                }
            }
            adjustments.addAll(DiscrepancyRules.adjustments(period, bookings, closed));
        });
        discrepancies.sort(REPORT_ORDER);
        adjustments.sort(ADJUSTMENT_ORDER);

        List<TotalsRow> rows = repository.totals(period);
        return new PeriodReconciliation(AccountingPeriods.format(period), periods.zone().getId(),
                periods.start(period), periods.end(period), closedAt == null ? PeriodState.OPEN : PeriodState.CLOSED,
                now, closedAt, closedBy, currencyTotals(rows), channelTotals(rows), tenderTotals(rows),
                inventoryTotals(rows), adjustments, counts(discrepancies),
                new DiscrepancyPage(discrepancies, 0, discrepancies.size(), discrepancies.size(),
                        discrepancies.isEmpty() ? 0 : 1), taxTotals(repository.taxTotals(period)));
    }

    /** One page of a whole report's discrepancies. */
    static PeriodReconciliation page(PeriodReconciliation whole, int page, int size) {
        List<Discrepancy> all = whole.discrepancies().content();
        long from = Math.min((long) page * size, all.size());
        int to = (int) Math.min(from + size, all.size());
        int totalPages = (all.size() + size - 1) / size;
        return whole.withDiscrepancies(new DiscrepancyPage(all.subList((int) from, to), page, size, all.size(),
                totalPages));
    }

    private static List<DiscrepancyCount> counts(List<Discrepancy> discrepancies) {
        Map<DiscrepancyKind, Long> byKind = discrepancies.stream()
                .collect(Collectors.groupingBy(Discrepancy::kind, () -> new EnumMap<>(DiscrepancyKind.class),
                        Collectors.counting()));
        List<DiscrepancyCount> counts = new ArrayList<>();
        for (DiscrepancyKind kind : DiscrepancyKind.values()) {
            counts.add(new DiscrepancyCount(kind, byKind.getOrDefault(kind, 0L)));
        }
        return counts;
    }

    private static List<CurrencyTotals> currencyTotals(List<TotalsRow> rows) {
        Map<String, Map<LedgerEntryKind, TotalsRow>> byCurrency = new TreeMap<>();
        rows.stream().filter(row -> row.grouping() == TotalsRow.BY_KIND).forEach(row -> byCurrency
                .computeIfAbsent(row.currency(), currency -> new EnumMap<>(LedgerEntryKind.class))
                .put(row.kind(), row));
        List<CurrencyTotals> totals = new ArrayList<>();
        byCurrency.forEach((currency, kinds) -> {
            Sums sums = new Sums(currency, kinds);
            totals.add(new CurrencyTotals(currency,
                    sums.amount(LedgerEntryKind.REFUND), sums.bookings(LedgerEntryKind.REFUND),
                    sums.amount(LedgerEntryKind.REFUND_SETTLED), sums.bookings(LedgerEntryKind.REFUND_SETTLED),
                    sums.amount(LedgerEntryKind.REFUND_FAILED), sums.bookings(LedgerEntryKind.REFUND_FAILED),
                    sums.amount(LedgerEntryKind.CREDIT_MEMO), sums.bookings(LedgerEntryKind.CREDIT_MEMO),
                    sums.amount(LedgerEntryKind.EXCHANGE), sums.bookings(LedgerEntryKind.EXCHANGE),
                    sums.amount(LedgerEntryKind.MERCHANDISE), sums.amount(LedgerEntryKind.TAX),
                    sums.amount(LedgerEntryKind.RESTOCKING_FEE), sums.amount(LedgerEntryKind.CONDITION_DEDUCTION),
                    sums.amount(LedgerEntryKind.SHIPPING),
                    sums.quantity(LedgerEntryKind.INVENTORY), sums.amount(LedgerEntryKind.INVENTORY)));
        });
        return totals;
    }

    /** Per currency and jurisdiction: the tax refunds gave back against the tax credit memos posted. */
    static List<JurisdictionTaxTotals> taxTotals(List<FinanceLedgerRepository.TaxRow> rows) {
        Map<String, Map<String, Money[]>> byCurrency = new TreeMap<>();
        for (FinanceLedgerRepository.TaxRow row : rows) {
            Money[] sums = byCurrency.computeIfAbsent(row.currency(), currency -> new TreeMap<>())
                    .computeIfAbsent(row.jurisdiction(), jurisdiction -> new Money[]{
                            Money.zero(row.currency()), Money.zero(row.currency())});
            int index = row.kind() == LedgerEntryKind.TAX_GIVEN_BACK ? 0 : 1;
            sums[index] = sums[index].plus(row.amount());
        }
        List<JurisdictionTaxTotals> totals = new ArrayList<>();
        byCurrency.forEach((currency, jurisdictions) -> jurisdictions.forEach((jurisdiction, sums) -> {
            Money difference = sums[0].minus(sums[1]);
            totals.add(new JurisdictionTaxTotals(currency, jurisdiction, sums[0], sums[1], difference,
                    difference.isZero()));
        }));
        return totals;
    }

    private static List<ChannelTotals> channelTotals(List<TotalsRow> rows) {
        Map<String, Map<SalesChannel, Map<LedgerEntryKind, TotalsRow>>> byCurrency = new TreeMap<>();
        rows.stream()
                .filter(row -> row.grouping() == TotalsRow.BY_CHANNEL)
                .filter(row -> row.kind() == LedgerEntryKind.REFUND || row.kind() == LedgerEntryKind.CREDIT_MEMO
                        || row.kind() == LedgerEntryKind.EXCHANGE)
                .forEach(row -> byCurrency
                        .computeIfAbsent(row.currency(), currency -> new TreeMap<>())
                        .computeIfAbsent(row.channel(), channel -> new EnumMap<>(LedgerEntryKind.class))
                        .put(row.kind(), row));
        List<ChannelTotals> totals = new ArrayList<>();
        byCurrency.forEach((currency, channels) -> channels.forEach((channel, kinds) -> {
            Sums sums = new Sums(currency, kinds);
            totals.add(new ChannelTotals(currency, channel,
                    sums.amount(LedgerEntryKind.REFUND), sums.bookings(LedgerEntryKind.REFUND),
                    sums.amount(LedgerEntryKind.CREDIT_MEMO), sums.bookings(LedgerEntryKind.CREDIT_MEMO),
                    sums.amount(LedgerEntryKind.EXCHANGE), sums.bookings(LedgerEntryKind.EXCHANGE)));
        }));
        return totals;
    }

    private static List<TenderTotals> tenderTotals(List<TotalsRow> rows) {
        return rows.stream()
                .filter(row -> row.grouping() == TotalsRow.BY_TENDER && row.kind() == LedgerEntryKind.REFUND)
                .sorted(Comparator.comparing(TotalsRow::currency)
                        .thenComparing(TotalsRow::tenderType, Comparator.nullsLast(Comparator.naturalOrder())))
                .map(row -> new TenderTotals(row.currency(), row.tenderType(), row.amount(), row.bookings()))
                .toList();
    }

    private static List<InventoryTotals> inventoryTotals(List<TotalsRow> rows) {
        return rows.stream()
                .filter(row -> row.grouping() == TotalsRow.BY_DISPOSITION && row.kind() == LedgerEntryKind.INVENTORY)
                .sorted(Comparator.comparing(TotalsRow::currency)
                        .thenComparing(TotalsRow::disposition, Comparator.nullsLast(Comparator.naturalOrder())))
                .map(row -> new InventoryTotals(row.currency(), row.disposition(), row.quantity(), row.amount()))
                .toList();
    }

    /** The totals of one currency by kind; a kind with no booking is zero. */
    private record Sums(String currency, Map<LedgerEntryKind, TotalsRow> byKind) {

        Money amount(LedgerEntryKind kind) {
            TotalsRow row = byKind.get(kind);
            return row == null ? Money.zero(currency) : row.amount();
        }

        long bookings(LedgerEntryKind kind) {
            TotalsRow row = byKind.get(kind);
            return row == null ? 0 : row.bookings();
        }

        long quantity(LedgerEntryKind kind) {
            TotalsRow row = byKind.get(kind);
            return row == null ? 0 : row.quantity();
        }
    }
}
