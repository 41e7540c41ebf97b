package io.omnireturns.api.kpi;

import io.omnireturns.api.orders.SalesChannel;

import java.time.Instant;
import java.util.Map;

/**
 * The KPIs of a window: {@code figures} over the channel asked for (all channels when {@code channel} is null), and
 * the same figures per channel in {@code byChannel} (every channel when none was asked for, else just that one).
 */
public record KpiReport(Instant from, Instant to, SalesChannel channel, KpiFigures figures,
                        Map<SalesChannel, KpiFigures> byChannel) {

    public KpiReport {
        byChannel = Map.copyOf(byChannel);
    }
}
