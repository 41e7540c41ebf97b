package io.omnireturns.command.returns.application;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.omnireturns.command.config.CommandSideProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Instant;

/**
 * Keeps the Idempotency-Key ledger from growing for ever: a key answered longer than
 * {@code omnireturns.command.idempotency-retention} ago is forgotten (the same key then starts a new request).
 * Unanswered claims are never purged. Runs as a db-scheduler recurring task, so one node purges per interval;
 * each batch is its own short statement, and a second purge at the same moment skips the rows the first one holds.
 */
@Configuration(proxyBeanMethods = false)
public class IdempotencyRetention {

    static final String PURGE_TASK = "purge-idempotency-keys";
    static final int BATCH_SIZE = 1_000;
    /** Bounds one run; whatever is left goes on the next run. */
    static final int MAX_BATCHES_PER_RUN = 100;

    private static final Logger log = LoggerFactory.getLogger(IdempotencyRetention.class);

    private final ReturnRequestIdempotency idempotency;
    private final CommandSideProperties properties;
    private final Clock clock;

    public IdempotencyRetention(ReturnRequestIdempotency idempotency, CommandSideProperties properties, Clock clock) {
        this.idempotency = idempotency;
        this.properties = properties;
        this.clock = clock;
    }

    @Bean
    RecurringTask<Void> idempotencyKeyPurge() {
        return Tasks.recurring(PURGE_TASK, Schedules.fixedDelay(properties.idempotencyPurgeInterval()))
                .execute((instance, context) -> purge());
    }

    /** Answers how many keys were deleted. */
    public int purge() {
        Instant cutoff = clock.instant().minus(properties.idempotencyRetention());
        int purged = 0;
        for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
            int deleted = idempotency.purgeAnsweredBefore(cutoff, BATCH_SIZE);
            purged += deleted;
            if (deleted < BATCH_SIZE) {
                break;
            }
        }
        if (purged > 0) {
            log.info("Purged {} Idempotency-Key(s) answered before {}", purged, cutoff);
        }
        return purged;
    }
}
