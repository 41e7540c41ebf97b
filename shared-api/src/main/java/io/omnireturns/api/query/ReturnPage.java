package io.omnireturns.api.query;

import java.util.List;

/** One page of a search, newest return first. {@code page} counts from zero. */
public record ReturnPage(List<ReturnSummary> content, int page, int size, long totalElements, int totalPages) {

    public ReturnPage {
        content = List.copyOf(content);
    }
}
