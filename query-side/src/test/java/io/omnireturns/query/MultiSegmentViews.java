package io.omnireturns.query;

import org.springframework.test.context.TestPropertySource;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Beside {@link QuerySideIntegrationTest}: the multi-segment layout of the property files (ViewSegments makes it one
 * segment per view by default). Classes with these two annotations and nothing else of their own
 * ({@code ExceptionQueueIntegrationTest}, {@code ReturnStatusViewIntegrationTest}) share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@TestPropertySource(properties = {
        "axon.eventhandling.processors.return-status.initial-segment-count=4",
        "axon.eventhandling.processors.exception-queue.initial-segment-count=2",
        "axon.eventhandling.processors.kpi.initial-segment-count=2",
        "axon.eventhandling.processors.finance-ledger.initial-segment-count=2"})
public @interface MultiSegmentViews {
}
