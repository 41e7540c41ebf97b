package io.omnireturns.query.kpi;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code omnireturns.kpi.*}.
 *
 * @param defaultWindow  how far back {@code GET /api/v1/kpis} looks when {@code from} is not given
 * @param metricsWindow  the trailing window the KPI gauges ({@code omnireturns.kpi.*}) are computed over
 * @param metricsRefresh how long the gauges' figures are reused before they are computed again
 * @param batchWrites    record a batch's events in memory and write each changed return once when the batch commits
 *                       (live and replayed events); unset, it follows {@code omnireturns.engine.optimised}
 * @param perEventAfterFailure after a batch write failed, write event by event for this long, so an event the
 *                       database refuses is dead-lettered instead of failing its batch again and again
 */
@ConfigurationProperties(prefix = "omnireturns.kpi")
public record KpiProperties(@DefaultValue("30d") Duration defaultWindow,
                            @DefaultValue("24h") Duration metricsWindow,
                            @DefaultValue("60s") Duration metricsRefresh,
                            Boolean batchWrites,
                            @DefaultValue("1m") Duration perEventAfterFailure) {

    /** Whether events are written with their batch: as set, else as the engine's optimisations are. */
    public boolean batchWrites(boolean engineOptimised) {
        return batchWrites == null ? engineOptimised : batchWrites;
    }
}
