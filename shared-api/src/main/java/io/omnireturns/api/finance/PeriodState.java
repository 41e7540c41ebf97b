package io.omnireturns.api.finance;

/** An accounting period is open until finance closes it; a closed period's report never changes again. */
public enum PeriodState {
    OPEN,
    CLOSED
}
