package io.omnireturns.api.kpi;

/** A share: {@code numerator} of {@code denominator}; {@code ratio} is null when the denominator is zero. */
public record RatioKpi(long numerator, long denominator, Double ratio) {

    public static RatioKpi of(long numerator, long denominator) {
        return new RatioKpi(numerator, denominator, denominator == 0 ? null : (double) numerator / denominator);
    }

    public static RatioKpi none() {
        return of(0, 0);
    }
}
