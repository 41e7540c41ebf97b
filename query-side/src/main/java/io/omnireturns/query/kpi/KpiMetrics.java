package io.omnireturns.query.kpi;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.omnireturns.api.kpi.DurationKpi;
import io.omnireturns.api.kpi.KpiFigures;
import io.omnireturns.api.kpi.KpiReport;
import io.omnireturns.api.kpi.RatioKpi;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.platform.database.outage.DatabaseAvailability;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The business KPIs as gauges over a trailing window ({@code omnireturns.kpi.metrics-window}), per channel and over
 * all channels ({@code channel="ALL"}): the same figures {@code GET /api/v1/kpis} answers, computed from the KPI
 * base when scraped and reused for {@code omnireturns.kpi.metrics-refresh}. Replays and restarts cannot skew them,
 * and every instance reports the same figures (they come from the shared database).
 */
@Component
public class KpiMetrics {

    public static final String DURATION = "omnireturns.kpi.duration";
    public static final String SAMPLES = "omnireturns.kpi.samples";
    public static final String RATIO = "omnireturns.kpi.ratio";
    public static final String INTERVENTIONS = "omnireturns.kpi.manual.interventions";
    static final String ALL_CHANNELS = "ALL";

    private static final Map<String, Function<KpiFigures, DurationKpi>> DURATIONS = new LinkedHashMap<>();
    private static final Map<String, Function<KpiFigures, RatioKpi>> RATIOS = new LinkedHashMap<>();

    static {
        DURATIONS.put("refund_cycle_time", KpiFigures::refundCycleTime);
        DURATIONS.put("refund_latency", KpiFigures::refundLatency);
        DURATIONS.put("inventory_restatement_latency", KpiFigures::inventoryRestatementLatency);
        DURATIONS.put("notification_timeliness", KpiFigures::notificationTimeliness);
        RATIOS.put("exception_rate", KpiFigures::exceptionRate);
        RATIOS.put("erp_posting_accuracy", KpiFigures::erpPostingAccuracy);
    }

    private final KpiRepository repository;
    private final KpiProperties properties;
    private final Clock clock;
    private final DatabaseAvailability database;
    private volatile Snapshot snapshot;

    @Autowired
    public KpiMetrics(KpiRepository repository, KpiProperties properties, Clock clock, MeterRegistry registry,
                      ObjectProvider<DatabaseAvailability> database) {
        this(repository, properties, clock, registry, database.getIfAvailable());
    }

    KpiMetrics(KpiRepository repository, KpiProperties properties, Clock clock, MeterRegistry registry,
               DatabaseAvailability database) {
        this.database = database;
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
        List<String> channels = new ArrayList<>();
        channels.add(ALL_CHANNELS);
        for (SalesChannel channel : SalesChannel.values()) {
            channels.add(channel.name());
        }
        for (String channel : channels) {
            DURATIONS.forEach((kpi, duration) -> {
                percentile(registry, kpi, channel, "0.5", figures -> duration.apply(figures).p50Seconds());
                percentile(registry, kpi, channel, "0.9", figures -> duration.apply(figures).p90Seconds());
                percentile(registry, kpi, channel, "0.99", figures -> duration.apply(figures).p99Seconds());
                Gauge.builder(SAMPLES, this, metrics ->
                                metrics.value(channel, figures -> (double) duration.apply(figures).count()))
                        .description("durations measured over the trailing KPI window")
                        .tags("kpi", kpi, "channel", channel)
                        .register(registry);
            });
            RATIOS.forEach((kpi, ratio) -> Gauge.builder(RATIO, this, metrics ->
                            metrics.value(channel, figures -> ratio.apply(figures).ratio()))
                    .description("business KPI share over the trailing KPI window")
                    .tags("kpi", kpi, "channel", channel)
                    .register(registry));
            Gauge.builder(INTERVENTIONS, this, metrics ->
                            metrics.value(channel, figures -> (double) figures.manualInterventions().holdResolutions()))
                    .description("manual interventions over the trailing KPI window")
                    .tags("kind", "hold_resolution", "channel", channel)
                    .register(registry);
            Gauge.builder(INTERVENTIONS, this, metrics ->
                            metrics.value(channel, figures -> (double) figures.manualInterventions().exceptionRetries()))
                    .description("manual interventions over the trailing KPI window")
                    .tags("kind", "exception_retry", "channel", channel)
                    .register(registry);
        }
    }

    private void percentile(MeterRegistry registry, String kpi, String channel, String quantile,
                            Function<KpiFigures, Double> figure) {
        Gauge.builder(DURATION, this, metrics -> metrics.value(channel, figure))
                .description("business KPI percentile over the trailing KPI window")
                .baseUnit("seconds")
                .tags("kpi", kpi, "channel", channel, "quantile", quantile)
                .register(registry);
    }

    /** NaN when nothing was measured in the window. */
    double value(String channel, Function<KpiFigures, Double> figure) {
        if (database != null && !database.available()) {
            return Double.NaN;
        }
        KpiReport report = current().report();
        KpiFigures figures = ALL_CHANNELS.equals(channel)
                ? report.figures()
                : report.byChannel().get(SalesChannel.valueOf(channel));
        Double value = figures == null ? null : figure.apply(figures);
        return value == null ? Double.NaN : value;
    }

    private synchronized Snapshot current() {
        Instant now = clock.instant();
        Snapshot last = snapshot;
        if (last == null || !last.takenAt().plus(properties.metricsRefresh()).isAfter(now)) {
            last = new Snapshot(now, repository.report(now.minus(properties.metricsWindow()), now, null));
            snapshot = last;
        }
        return last;
    }

    private record Snapshot(Instant takenAt, KpiReport report) {
    }
}
