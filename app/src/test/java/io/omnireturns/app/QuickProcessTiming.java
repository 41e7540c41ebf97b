package io.omnireturns.app;

import org.springframework.test.context.TestPropertySource;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Beside {@link AppIntegrationTest}: the return process retried, leased and polled in fractions of a second, so a
 * test waits for its steps briefly. Classes with these two annotations and nothing else of their own
 * ({@link ReturnProcessFlowTest}, {@link ExchangeAtDifferentPriceTest}) share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@TestPropertySource(properties = {
        "omnireturns.process.step-retry-backoff=100ms",
        "omnireturns.process.step-retry-max-backoff=400ms",
        "omnireturns.process.lease=20s",
        "db-scheduler.polling-interval=100ms"})
public @interface QuickProcessTiming {
}
