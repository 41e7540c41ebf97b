package io.omnireturns.api.query;

import io.omnireturns.api.returns.ExternalSystem;

/**
 * Exceptions of the queue matching every filter that is given (a null {@code state} or {@code system}, or a
 * null or blank {@code returnId}, matches all), newest first, one page at a time; answered with an
 * {@link ExceptionPage}.
 */
public record FindExceptions(ExceptionState state, ExternalSystem system, String returnId, int page, int size) {

    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;
}
