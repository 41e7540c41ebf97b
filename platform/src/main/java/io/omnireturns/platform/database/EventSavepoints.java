package io.omnireturns.platform.database;

import org.axonframework.config.MessageMonitorFactory;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitorCallback;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * A savepoint per event for projections. A failed statement aborts the whole PostgreSQL transaction; inside a
 * savepoint it does not, so the processor's transaction stays usable: the dead-letter queue can still record
 * the failure and the token still moves on.
 * <p>
 * A projection may instead keep what a batch changes in memory and write it once when the batch commits
 * ({@link BatchedWrites}): no savepoint and no statement per event.
 */
public final class EventSavepoints {

    private EventSavepoints() {
    }

    public static TransactionTemplate perEvent(PlatformTransactionManager transactionManager) {
        TransactionTemplate savepoint = new TransactionTemplate(transactionManager);
        savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        return savepoint;
    }

    /**
     * Whether the event being handled is written with its batch: replayed events when {@code replays} is on, live
     * events when {@code live} is on. A projection that batches keeps what a batch changes in memory and writes it
     * once, just before the processor's transaction commits (beside its token); a change that fails in memory is
     * undone for its own event, which the dead-letter queue then takes. When the batch's write fails (the database
     * refuses it), the whole batch is rolled back and retried by the processor; for {@code perEventAfterFailure}
     * after that every event is written on its own again, each in a savepoint, so the one the database refuses is
     * dead-lettered with the rest of its sequence rather than failing its whole batch again.
     */
    public static final class BatchedWrites {

        private final boolean replays;
        private final boolean live;
        private final long perEventAfterFailureNanos;
        private volatile long perEventUntil = System.nanoTime();

        public BatchedWrites(boolean replays, boolean live, Duration perEventAfterFailure) {
            this.replays = replays;
            this.live = live;
            this.perEventAfterFailureNanos = perEventAfterFailure.toNanos();
        }

        /**
         * True for an event handled in a unit of work when batching is on for its kind (replayed or live) and no
         * batch failed lately; and for every later event of a unit of work that has batched one already (under
         * {@code batchResource}), whatever its kind. A replay hands over as regular events those its processor had
         * not seen when it was reset (events in a gap of its token): written on their own, they would not see what
         * the batch holds for their return.
         */
        public boolean appliesToCurrentEvent(String batchResource) {
            if (!(replays || live) || !CurrentUnitOfWork.isStarted()) {
                return false;
            }
            UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
            if (unitOfWork.root().resources().containsKey(batchResource)) {
                return true;
            }
            boolean batched = ReplayToken.isReplay(unitOfWork.getMessage()) ? replays : live;
            return batched && System.nanoTime() - perEventUntil >= 0;
        }

        /**
         * The batch of the current unit of work under {@code batchResource}: created on first use and written (by
         * {@code write}) just before the unit of work commits, in the same transaction as the processor's token.
         */
        public <B> B batchOfCurrentUnitOfWork(String batchResource, java.util.function.Supplier<B> create,
                                              java.util.function.Consumer<B> write) {
            UnitOfWork<?> root = CurrentUnitOfWork.get().root();
            return root.getOrComputeResource(batchResource, key -> {
                B batch = create.get();
                root.onPrepareCommit(unitOfWork -> write.accept(batch));
                return batch;
            });
        }

        /** A batch write (or a read for it) failed: write event by event for a while. */
        public void failed() {
            perEventUntil = System.nanoTime() + perEventAfterFailureNanos;
        }
    }

    /**
     * A processor's message monitor (Axon's metrics: counters, timers, capacity, latency per event) that leaves
     * replayed events out. Measuring each of millions of replayed events costs about as much as handling it, and
     * their latency (the age of the event) says nothing about the live flow; a replay is followed by the processor's
     * lag instead. An event is replayed when it carries a replay token, or (for the events a pooled processor's
     * coordinator passes over without handing them to a segment) when the processor is replaying.
     */
    public static MessageMonitor<? super Message<?>> skippingReplays(MessageMonitor<? super Message<?>> monitor,
                                                                     BooleanSupplier processorReplaying) {
        return new MessageMonitor<Message<?>>() {
            @Override
            public MonitorCallback onMessageIngested(Message<?> message) {
                return ReplayToken.isReplay(message) || processorReplaying.getAsBoolean()
                        ? NoOpMessageMonitorCallback.INSTANCE
                        : monitor.onMessageIngested(message);
            }
        };
    }

    /**
     * {@link #skippingReplays} as a monitor factory for one streaming processor, for
     * {@code EventProcessingConfigurer#registerMessageMonitorFactory}: it wraps the monitor the processor would
     * otherwise get.
     */
    public static MessageMonitorFactory skippingReplays() {
        return (configuration, componentType, componentName) -> {
            AtomicReference<StreamingEventProcessor> processor = new AtomicReference<>();
            return skippingReplays(configuration.messageMonitor(componentType, componentName), () -> {
                StreamingEventProcessor streaming = processor.get();
                if (streaming == null) {
                    streaming = configuration.eventProcessingConfiguration()
                            .eventProcessor(componentName, StreamingEventProcessor.class).orElse(null);
                    if (streaming == null) {
                        return false;
                    }
                    processor.set(streaming);
                }
                return streaming.isReplaying();
            });
        };
    }
}
