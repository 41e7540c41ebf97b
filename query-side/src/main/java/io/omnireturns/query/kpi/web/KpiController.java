package io.omnireturns.query.kpi.web;

import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.ErrorKind;
import io.omnireturns.api.kpi.FindKpis;
import io.omnireturns.api.kpi.KpiReport;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.query.kpi.KpiProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;

/** The business KPIs over a chosen window, for one channel or all, answered through the query bus. */
@RestController
@RequestMapping("/api/v1/kpis")
@Tag(name = "KPIs", description = "Business KPIs: refund cycle time and latency, exceptions, stock, notifications, "
        + "manual work, ERP posting accuracy")
public class KpiController {

    private final QueryGateway queryGateway;
    private final KpiProperties properties;
    private final Clock clock;

    public KpiController(QueryGateway queryGateway, KpiProperties properties, Clock clock) {
        this.queryGateway = queryGateway;
        this.properties = properties;
        this.clock = clock;
    }

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    @GetMapping
    @Operation(summary = "Business KPIs over a time window",
            description = "Durations in seconds with p50/p90/p99 (continuous percentiles) and mean; shares as "
                    + "numerator, denominator and ratio. Each figure counts what ended inside [from, to): refunds "
                    + "issued, stock restated, notifications sent, interventions, credit memos posted; the exception "
                    + "rate counts returns requested inside it. Without a channel the figures cover all channels and "
                    + "byChannel breaks them down.")
    @ApiResponse(responseCode = "200", description = "the KPIs of the window")
    @ApiResponse(responseCode = "400", description = "from is not before to, or an invalid date or channel "
            + "(code INVALID_PARAMETER)")
    public KpiReport kpis(
            @Parameter(description = "start of the window, inclusive (ISO-8601 instant); default: to minus "
                    + "omnireturns.kpi.default-window (30 days)")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @Parameter(description = "end of the window, exclusive (ISO-8601 instant); default: now")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @Parameter(description = "only returns started in this channel; default: all")
            @RequestParam(required = false) SalesChannel channel) {
        Instant end = to == null ? clock.instant() : to;
        Instant start = from == null ? end.minus(properties.defaultWindow()) : from;
        if (!start.isBefore(end)) {
            throw new DomainException(ErrorKind.INVALID_INPUT, "INVALID_PARAMETER",
                    "from (" + start + ") must be before to (" + end + ")");
        }
        if (start.isBefore(EARLIEST) || end.isAfter(LATEST)) {
            // Java's instants reach far beyond what PostgreSQL's timestamps hold
            throw new DomainException(ErrorKind.INVALID_INPUT, "INVALID_PARAMETER",
                    "from and to must lie between " + EARLIEST + " and " + LATEST);
        }
        return queryGateway.query(new FindKpis(start, end, channel), ResponseTypes.instanceOf(KpiReport.class)).join();
    }
}
