package io.omnireturns.api.kpi;

import io.omnireturns.api.orders.SalesChannel;

import java.time.Instant;

/**
 * The business KPIs over the window [{@code from}, {@code to}), for one channel or all ({@code channel} null);
 * answered with a {@link KpiReport}.
 */
public record FindKpis(Instant from, Instant to, SalesChannel channel) {
}
