package io.omnireturns.api.kpi;

/**
 * A duration KPI in seconds: how many were measured, their percentiles (continuous, interpolated) and mean.
 * The figures are null when nothing was measured.
 */
public record DurationKpi(long count, Double p50Seconds, Double p90Seconds, Double p99Seconds, Double meanSeconds) {

    public static DurationKpi none() {
        return new DurationKpi(0, null, null, null, null);
    }
}
