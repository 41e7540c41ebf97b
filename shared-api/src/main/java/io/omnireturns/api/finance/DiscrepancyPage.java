package io.omnireturns.api.finance;

import java.util.List;

/** One page of a period's discrepancies, ordered by kind, then when they arose, then return. */
public record DiscrepancyPage(List<Discrepancy> content, int page, int size, long totalElements, int totalPages) {

    public DiscrepancyPage {
        content = List.copyOf(content);
    }
}
