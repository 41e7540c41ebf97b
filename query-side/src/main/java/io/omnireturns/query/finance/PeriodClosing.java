package io.omnireturns.query.finance;

import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.ErrorKind;
import io.omnireturns.api.finance.FindPeriodReconciliation;
import io.omnireturns.api.finance.PeriodReconciliation;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;

/**
 * Closes an accounting period: freezes its report as it stands and makes every later booking dated inside it go
 * to the first open period after it. Only a period that has ended can be closed, each once; a period can be closed
 * while an earlier one is still open.
 */
@Service
public class PeriodClosing {

    private final FinanceLedgerRepository repository;
    private final ReconciliationReports reports;
    private final AccountingPeriods periods;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final ObjectProvider<EventProcessingConfiguration> eventProcessing;

    public PeriodClosing(FinanceLedgerRepository repository, ReconciliationReports reports, AccountingPeriods periods,
                         Clock clock, PlatformTransactionManager transactionManager,
                         ObjectProvider<EventProcessingConfiguration> eventProcessing) {
        this.repository = repository;
        this.reports = reports;
        this.periods = periods;
        this.clock = clock;
        // READ COMMITTED on purpose: each statement after the lock sees every booking committed before it
        this.transaction = new TransactionTemplate(transactionManager);
        this.eventProcessing = eventProcessing;
    }

    /** Answers the frozen report with the first page of its discrepancies. */
    public PeriodReconciliation close(String periodText, String closedBy) {
        YearMonth period = AccountingPeriods.parse(periodText);
        if (ledgerIsReplaying()) {
            throw new DomainException(ErrorKind.ILLEGAL_STATE, FinanceErrors.LEDGER_REPLAYING,
                    "the finance ledger is being rebuilt by a replay; close " + period + " once it has caught up");
        }
        PeriodReconciliation frozen = transaction.execute(status -> {
            repository.lockForClosing();
            Instant now = clock.instant();
            if (repository.frozenReport(period).isPresent()) {
                throw new DomainException(ErrorKind.ILLEGAL_STATE, FinanceErrors.PERIOD_ALREADY_CLOSED,
                        "period " + period + " is already closed");
            }
            if (!periods.hasEnded(period, now)) {
                throw new DomainException(ErrorKind.ILLEGAL_STATE, FinanceErrors.PERIOD_NOT_ENDED,
                        "period " + period + " ends at " + periods.end(period) + " (" + periods.zone()
                                + "); only a period that has ended can be closed");
            }
            PeriodReconciliation report = reports.build(period, now, now, closedBy);
            repository.insertClosed(report);
            return report;
        });
        return ReconciliationReports.page(frozen, 0, FindPeriodReconciliation.DEFAULT_PAGE_SIZE);
    }

    private boolean ledgerIsReplaying() {
        EventProcessingConfiguration configuration = eventProcessing.getIfAvailable();
        return configuration != null && configuration
                .eventProcessor(FinanceLedgerProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .map(StreamingEventProcessor::isReplaying)
                .orElse(false);
    }
}
