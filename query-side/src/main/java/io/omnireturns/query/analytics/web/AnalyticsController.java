package io.omnireturns.query.analytics.web;

import io.omnireturns.api.analytics.AnalyticsDimension;
import io.omnireturns.api.analytics.DailyReturnsReport;
import io.omnireturns.platform.web.Csv;
import io.omnireturns.query.analytics.ReturnsAnalytics;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/** The returns-analytics feed for BI tools: daily figures by one breakdown, as JSON or CSV. */
@RestController
@RequestMapping("/api/v1/analytics")
@Tag(name = "Analytics", description = "Daily returns analytics for BI tools, built from the canonical return events")
public class AnalyticsController {

    private final ReturnsAnalytics analytics;

    public AnalyticsController(ReturnsAnalytics analytics) {
        this.analytics = analytics;
    }

    // an Accept that allows neither is 406 NOT_ACCEPTABLE, not silently JSON
    @GetMapping(value = "/returns/daily", produces = {MediaType.APPLICATION_JSON_VALUE, Csv.TEXT_CSV_VALUE})
    @Operation(summary = "Daily returns by reason, SKU, category, channel or store",
            description = "Per day (UTC, the day the return was asked for), value of the breakdown and currency: "
                    + "returns, units, value at the order's unit prices in minor units, the units bought on the same "
                    + "order lines and the return rate (units / ordered units). JSON by default, CSV with Accept: "
                    + "text/csv (see docs/analytics.md). At most " + ReturnsAnalytics.MAX_DAYS + " days per call.")
    @ApiResponse(responseCode = "200", description = "the period's figures", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = DailyReturnsReport.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "400", description = "a date that does not parse, from not before to, a period "
            + "longer than " + ReturnsAnalytics.MAX_DAYS + " days, or an unknown breakdown (code INVALID_PARAMETER)")
    public ResponseEntity<?> daily(
            @Parameter(description = "first day, inclusive (yyyy-MM-dd)")
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "last day, exclusive (yyyy-MM-dd)")
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "the breakdown: REASON, SKU, CATEGORY, CHANNEL or STORE")
            @RequestParam(defaultValue = "REASON") AnalyticsDimension by,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        DailyReturnsReport report = analytics.daily(from, to, by);
        if (!Csv.prefersCsv(accept)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
        }
        return ResponseEntity.ok()
                .contentType(new MediaType(Csv.TEXT_CSV, StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"returns-" + by.name().toLowerCase()
                        + "-" + from + "-" + to + ".csv\"")
                .body(DailyReturnsCsv.write(report));
    }
}
