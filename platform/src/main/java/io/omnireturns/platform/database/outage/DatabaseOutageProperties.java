package io.omnireturns.platform.database.outage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How this process notices that PostgreSQL is gone and what it tells callers meanwhile.
 *
 * @param probeInterval how often a dedicated connection (outside the pool, so a busy pool is no outage) asks the
 *                      database whether it answers
 * @param probeTimeout  how long one probe may wait for the answer (connect and validate)
 * @param retryAfter    the {@code Retry-After} sent with {@code 503 DATABASE_UNAVAILABLE}
 * @param gateRequests  while the probe finds the database unreachable, API calls are answered 503 at once instead
 *                      of each waiting for its own connection to fail
 */
@ConfigurationProperties("omnireturns.database.outage")
public record DatabaseOutageProperties(
        @DefaultValue("1s") Duration probeInterval,
        @DefaultValue("1s") Duration probeTimeout,
        @DefaultValue("5s") Duration retryAfter,
        @DefaultValue("true") boolean gateRequests) {
}
