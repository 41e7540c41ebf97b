package io.omnireturns.api.kpi;

/**
 * Work people had to do: holds resolved by a decision, and exceptions retried from the queue. A retry that also
 * releases the hold counts once, as a retry.
 */
public record InterventionKpi(long total, long holdResolutions, long exceptionRetries) {

    public static InterventionKpi of(long holdResolutions, long exceptionRetries) {
        return new InterventionKpi(holdResolutions + exceptionRetries, holdResolutions, exceptionRetries);
    }

    public static InterventionKpi none() {
        return of(0, 0);
    }
}
