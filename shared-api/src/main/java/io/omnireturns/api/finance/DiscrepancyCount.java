package io.omnireturns.api.finance;

/** How many discrepancies of one kind a period has (kinds with none are listed with zero). */
public record DiscrepancyCount(DiscrepancyKind kind, long count) {
}
