package io.omnireturns.api.query;

import io.omnireturns.api.returns.ExternalSystem;

import java.time.Instant;

/**
 * Exceptions of the queue matching every filter that is given (a null {@code state}, {@code system} or
 * {@code raisedBefore}, or a null or blank {@code returnId}, matches all), newest first, one page at a time; answered
 * with an {@link ExceptionPage}. {@code raisedBefore} (exclusive) keeps the exceptions at least that old.
 */
public record FindExceptions(ExceptionState state, ExternalSystem system, String returnId, Instant raisedBefore,
                             int page, int size) {

    /** Of any age. */
    public FindExceptions(ExceptionState state, ExternalSystem system, String returnId, int page, int size) {
        this(state, system, returnId, null, page, size);
    }

    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;
}
