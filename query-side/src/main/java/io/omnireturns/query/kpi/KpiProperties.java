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
 */
@ConfigurationProperties(prefix = "omnireturns.kpi")
public record KpiProperties(@DefaultValue("30d") Duration defaultWindow,
                            @DefaultValue("24h") Duration metricsWindow,
                            @DefaultValue("60s") Duration metricsRefresh) {
}
