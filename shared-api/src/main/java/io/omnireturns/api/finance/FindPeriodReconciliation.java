package io.omnireturns.api.finance;

/**
 * The reconciliation of one accounting period ({@code yyyy-MM} in the ledger's time zone) with one page of its
 * discrepancies; answered with a {@link PeriodReconciliation}. {@code page} counts from zero.
 */
public record FindPeriodReconciliation(String period, int page, int size) {

    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;
}
