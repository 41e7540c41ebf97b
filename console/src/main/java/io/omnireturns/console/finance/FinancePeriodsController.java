package io.omnireturns.console.finance;

import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.ErrorKind;
import io.omnireturns.api.finance.FindPeriodReconciliation;
import io.omnireturns.api.finance.FindReturnLedger;
import io.omnireturns.api.finance.PeriodReconciliation;
import io.omnireturns.api.finance.PeriodState;
import io.omnireturns.api.finance.ReturnLedgerView;
import io.omnireturns.platform.security.Caller;
import io.omnireturns.platform.security.Role;
import io.omnireturns.query.finance.AccountingPeriods;
import io.omnireturns.query.finance.FinanceErrors;
import io.omnireturns.query.finance.web.ReconciliationCsv;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * Finance's periods: the period picker, a period's reconciliation (totals, discrepancies each opening its return and
 * its ledger), the same CSV the API answers to {@code Accept: text/csv}, and one return's ledger. Reads through the
 * query bus exactly as {@code FinanceController} does; closing is {@link PeriodCloseController}'s.
 */
@Controller
@RequestMapping("/console/finance")
class FinancePeriodsController {

    /** Discrepancies per page of the reconciliation page. */
    static final int PAGE_SIZE = 50;
    /** How many recent periods the picker offers as links. */
    private static final int RECENT = 12;

    private final QueryGateway queryGateway;
    private final AccountingPeriods periods;
    private final Clock clock;

    FinancePeriodsController(QueryGateway queryGateway, AccountingPeriods periods, Clock clock) {
        this.queryGateway = queryGateway;
        this.periods = periods;
        this.clock = clock;
    }

    @GetMapping
    String home() {
        return "redirect:/console/finance/periods";
    }

    /** The picker; a chosen period ({@code ?period=2025-06}) opens its page, a mistyped one is shown back. */
    @GetMapping("/periods")
    String picker(@RequestParam(required = false) String period, Model model) {
        if (period != null && !period.isBlank()) {
            try {
                return "redirect:/console/finance/periods/" + AccountingPeriods.format(AccountingPeriods.parse(period.strip()));
            } catch (DomainException invalid) {
                model.addAttribute("problem", "Write the period as year and month, e.g. 2025-01.");
            }
        }
        model.addAttribute("typed", period);
        addPicker(model);
        return "console/finance/periods";
    }

    @GetMapping("/periods/{period}")
    String reconciliation(@PathVariable String period, @RequestParam(defaultValue = "0") String page, Caller caller,
                          Model model) {
        YearMonth month = AccountingPeriods.parse(period);
        PeriodReconciliation report = report(AccountingPeriods.format(month), pageNumber(page), PAGE_SIZE);
        model.addAttribute("report", report);
        model.addAttribute("closed", report.state() == PeriodState.CLOSED);
        model.addAttribute("ended", periods.hasEnded(month, clock.instant()));
        model.addAttribute("mayClose", caller.roles().contains(Role.FINANCE) || caller.roles().contains(Role.ADMIN));
        model.addAttribute("typed", report.period());
        addPicker(model);
        return "console/finance/reconciliation";
    }

    /**
     * The API's CSV of one page of the report (the summary rows come with page 0), as a download: the whole report
     * when its discrepancies fit on one page of {@link FindPeriodReconciliation#MAX_PAGE_SIZE}.
     */
    @GetMapping("/periods/{period}/reconciliation.csv")
    ResponseEntity<String> csv(@PathVariable String period, @RequestParam(defaultValue = "0") String page) {
        String normalized = AccountingPeriods.format(AccountingPeriods.parse(period));
        int pageNumber = pageNumber(page);
        PeriodReconciliation report = report(normalized, pageNumber, FindPeriodReconciliation.MAX_PAGE_SIZE);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("reconciliation-" + normalized + "-page-" + pageNumber + ".csv").build().toString())
                .header("X-Total-Count", String.valueOf(report.discrepancies().totalElements()))
                .header("X-Total-Pages", String.valueOf(report.discrepancies().totalPages()))
                .body(ReconciliationCsv.write(report));
    }

    @GetMapping("/returns/{returnId}/ledger")
    String ledger(@PathVariable String returnId, Model model) {
        ReturnLedgerView ledger = join(() -> queryGateway
                .query(new FindReturnLedger(returnId), ResponseTypes.instanceOf(ReturnLedgerView.class)).join());
        if (ledger == null) {
            throw new DomainException(ErrorKind.NOT_FOUND, FinanceErrors.RETURN_NOT_FOUND,
                    "No return with id " + returnId + " in the finance ledger.");
        }
        model.addAttribute("ledger", ledger);
        return "console/finance/ledger";
    }

    PeriodReconciliation report(String period, int page, int size) {
        return join(() -> queryGateway.query(new FindPeriodReconciliation(period, page, size),
                ResponseTypes.instanceOf(PeriodReconciliation.class)).join());
    }

    private void addPicker(Model model) {
        YearMonth current = periods.periodOf(clock.instant());
        List<String> recent = new ArrayList<>();
        for (int i = 0; i < RECENT; i++) {
            recent.add(AccountingPeriods.format(current.minusMonths(i)));
        }
        model.addAttribute("recentPeriods", recent);
        model.addAttribute("timeZone", periods.zone().getId());
    }

    private static int pageNumber(String page) {
        try {
            return Math.max(Integer.parseInt(page.strip()), 0);
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    /** A query's answer, with a refusal of its handler thrown as itself (the console shows its message). */
    private static <T> T join(java.util.function.Supplier<T> query) {
        try {
            return query.get();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof DomainException refused) {
                throw refused;
            }
            throw failed;
        }
    }
}
