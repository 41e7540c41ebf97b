package io.omnireturns.query.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * What the auditors' endpoints may read at once.
 *
 * @param historyMaxEvents most events one history answer carries (a return has a few hundred at most; past that
 *                         the answer says where to continue)
 * @param exportMaxRange   longest time range one export may ask for
 * @param exportPageSize   events read per statement while an export streams
 */
@ConfigurationProperties("omnireturns.audit")
public record AuditProperties(@DefaultValue("1000") int historyMaxEvents,
                              @DefaultValue("31d") Duration exportMaxRange,
                              @DefaultValue("1000") int exportPageSize) {

    public AuditProperties {
        if (historyMaxEvents < 1 || exportPageSize < 1 || exportMaxRange.isNegative() || exportMaxRange.isZero()) {
            throw new IllegalArgumentException("omnireturns.audit limits must be positive");
        }
    }
}
