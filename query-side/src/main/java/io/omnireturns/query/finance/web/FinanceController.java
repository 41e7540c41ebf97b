package io.omnireturns.query.finance.web;

import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.ErrorKind;
import io.omnireturns.api.finance.FindPeriodReconciliation;
import io.omnireturns.api.finance.FindReturnLedger;
import io.omnireturns.api.finance.PeriodReconciliation;
import io.omnireturns.api.finance.ReturnLedgerView;
import io.omnireturns.platform.web.Csv;
import io.omnireturns.platform.web.RequestMetadataInterceptor;
import io.omnireturns.query.finance.AccountingPeriods;
import io.omnireturns.query.finance.FinanceErrors;
import io.omnireturns.query.finance.PeriodClosing;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;

/**
 * What finance reads and does: a period's reconciliation (JSON, or CSV on {@code Accept: text/csv}), closing a
 * period, and one return's bookings. Reads go through the query bus; the close is the ledger's own write.
 */
@RestController
@RequestMapping("/api/v1/finance")
@Tag(name = "Finance", description = "Ledger, reconciliation and period close")
public class FinanceController {

    static final String TEXT_CSV_VALUE = Csv.TEXT_CSV_VALUE;
    static final MediaType TEXT_CSV = Csv.TEXT_CSV;

    private final QueryGateway queryGateway;
    private final PeriodClosing periodClosing;

    public FinanceController(QueryGateway queryGateway, PeriodClosing periodClosing) {
        this.queryGateway = queryGateway;
        this.periodClosing = periodClosing;
    }

    // an Accept that allows neither is 406 NOT_ACCEPTABLE, not silently JSON
    @GetMapping(value = "/periods/{period}/reconciliation", produces = {MediaType.APPLICATION_JSON_VALUE, TEXT_CSV_VALUE})
    @Operation(summary = "The reconciliation of an accounting period",
            description = "Totals by currency, channel, tender and disposition, adjustments of closed periods and "
                    + "one page of discrepancies. A closed period answers its frozen report. JSON by default, CSV "
                    + "with Accept: text/csv (see docs/finance.md). page counts from 0, size is at most "
                    + FindPeriodReconciliation.MAX_PAGE_SIZE)
    @ApiResponse(responseCode = "200", description = "the period's report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = PeriodReconciliation.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "400", description = "period not yyyy-MM (code INVALID_PERIOD), invalid page or "
            + "size (code VALIDATION_FAILED)")
    public ResponseEntity<?> reconciliation(
            @Parameter(description = "the accounting period, yyyy-MM") @PathVariable String period,
            @Parameter(description = "page of discrepancies, from 0")
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @Parameter(description = "discrepancies per page, 1 to " + FindPeriodReconciliation.MAX_PAGE_SIZE)
            @RequestParam(defaultValue = "" + FindPeriodReconciliation.DEFAULT_PAGE_SIZE)
            @Min(1) @Max(FindPeriodReconciliation.MAX_PAGE_SIZE) int size,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        AccountingPeriods.parse(period);
        PeriodReconciliation report = queryGateway.query(new FindPeriodReconciliation(period, page, size),
                ResponseTypes.instanceOf(PeriodReconciliation.class)).join();
        if (!Csv.prefersCsv(accept)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
        }
        return ResponseEntity.ok()
                .contentType(new MediaType(TEXT_CSV, StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "inline; filename=\"reconciliation-" + report.period() + "-page-" + page + ".csv\"")
                .header("X-Total-Count", String.valueOf(report.discrepancies().totalElements()))
                .header("X-Total-Pages", String.valueOf(report.discrepancies().totalPages()))
                .body(ReconciliationCsv.write(report));
    }

    @PostMapping("/periods/{period}/close")
    @Operation(summary = "Close an accounting period",
            description = "Freezes the period's report as it stands; later bookings dated inside it go to the "
                    + "first open period after it, as adjustments. Only a period that has ended can be closed, once. "
                    + "Answers the frozen report with its first page of discrepancies; the signed-in caller is recorded as who closed it.")
    @ApiResponse(responseCode = "200", description = "the frozen report")
    @ApiResponse(responseCode = "400", description = "period not yyyy-MM (code INVALID_PERIOD)")
    @ApiResponse(responseCode = "409", description = "already closed (PERIOD_ALREADY_CLOSED), not ended yet "
            + "(PERIOD_NOT_ENDED), or the ledger is being replayed (LEDGER_REPLAYING)")
    public PeriodReconciliation close(
            @Parameter(description = "the accounting period, yyyy-MM") @PathVariable String period,
            HttpServletRequest request) {
        return periodClosing.close(period, RequestMetadataInterceptor.actorOf(request));
    }

    @GetMapping("/returns/{returnId}/ledger")
    @Operation(summary = "Every booking of one return, with its periods")
    @ApiResponse(responseCode = "200", description = "the return's bookings")
    @ApiResponse(responseCode = "404", description = "no such return in the ledger (code RETURN_NOT_FOUND)")
    public ReturnLedgerView ledger(@PathVariable String returnId) {
        ReturnLedgerView ledger = queryGateway
                .query(new FindReturnLedger(returnId), ResponseTypes.instanceOf(ReturnLedgerView.class))
                .join();
        if (ledger == null) {
            throw new DomainException(ErrorKind.NOT_FOUND, FinanceErrors.RETURN_NOT_FOUND,
                    "no return with id " + returnId + " in the finance ledger");
        }
        return ledger;
    }
}
