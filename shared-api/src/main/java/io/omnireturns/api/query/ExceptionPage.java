package io.omnireturns.api.query;

import java.util.List;

/** One page of the exception queue, newest exception first. {@code page} counts from zero. */
public record ExceptionPage(List<ExceptionView> content, int page, int size, long totalElements, int totalPages) {

    public ExceptionPage {
        content = List.copyOf(content);
    }
}
