package io.omnireturns.console.finance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.kpi.DurationKpi;
import io.omnireturns.api.returns.ReturnReason;
import io.omnireturns.query.kpi.KpiSeries;
import io.omnireturns.query.kpi.KpiSeriesQueries;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The KPI dashboard: the business KPIs per day or week over a chosen range, as charts (Chart.js from its webjar,
 * drawn by {@code kpi-charts.js} from the page's {@code data-series} attribute, no inline script) and as tables of
 * the same numbers, which are the charts' text alternative and all a browser without scripts shows.
 */
@Controller
@RequestMapping("/console/finance/kpis")
class KpiDashboardController {

    /** The range shown when none is chosen: the last 30 days, by day. */
    private static final int DEFAULT_DAYS = 30;

    private final KpiSeriesQueries series;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    KpiDashboardController(KpiSeriesQueries series, Clock clock) {
        this.series = series;
        this.clock = clock;
    }

    @GetMapping
    String dashboard(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                     @RequestParam(required = false) String bucket, Model model) throws JsonProcessingException {
        List<String> problems = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate last = day(to, "to", problems, today);
        LocalDate first = day(from, "from", problems, (last == null ? today : last).minusDays(DEFAULT_DAYS - 1));
        KpiSeries.Bucket size = bucket(bucket, problems);
        model.addAttribute("from", first);
        model.addAttribute("to", last);
        model.addAttribute("bucket", size);
        model.addAttribute("reasons", ReturnReason.values());
        if (problems.isEmpty()) {
            try {
                KpiSeries kpis = series.series(first, last, size);
                model.addAttribute("series", kpis);
                model.addAttribute("chartData", json.writeValueAsString(chartData(kpis)));
            } catch (DomainException refused) {
                problems.add(refused.getMessage());
            }
        }
        model.addAttribute("problems", problems);
        return "console/finance/kpis";
    }

    /** What kpi-charts.js draws: one label per bucket, hours for durations, percent for the exception rate. */
    static Map<String, Object> chartData(KpiSeries kpis) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("labels", kpis.points().stream().map(point -> point.start().toString()).toList());
        data.put("returnCycleTime", kpis.points().stream().map(point -> hours(point.returnCycleTime())).toList());
        data.put("refundLatency", kpis.points().stream().map(point -> hours(point.refundLatency())).toList());
        data.put("inventoryRestatement",
                kpis.points().stream().map(point -> hours(point.inventoryRestatement())).toList());
        data.put("exceptionRate", kpis.points().stream().map(point -> point.exceptionRate().ratio() == null ? null
                : round(point.exceptionRate().ratio() * 100)).toList());
        Map<String, List<Long>> reasons = new LinkedHashMap<>();
        for (ReturnReason reason : ReturnReason.values()) {
            reasons.put(reason.name(), kpis.points().stream()
                    .map(point -> point.returnedLinesByReason().getOrDefault(reason, 0L)).toList());
        }
        data.put("linesByReason", reasons);
        return data;
    }

    private static Double hours(DurationKpi duration) {
        return duration.p50Seconds() == null ? null : round(duration.p50Seconds() / 3600);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static LocalDate day(String text, String field, List<String> problems, LocalDate otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException invalid) {
            problems.add("The " + field + " date must look like 2026-01-31.");
            return otherwise;
        }
    }

    private static KpiSeries.Bucket bucket(String text, List<String> problems) {
        if (text == null || text.isBlank()) {
            return KpiSeries.Bucket.DAY;
        }
        try {
            return KpiSeries.Bucket.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            problems.add("Group by day or by week.");
            return KpiSeries.Bucket.DAY;
        }
    }
}
