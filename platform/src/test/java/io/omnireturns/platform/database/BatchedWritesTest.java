package io.omnireturns.platform.database;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

class BatchedWritesTest {

    private static final String BATCH = "test-batch";
    private UnitOfWork<?> unitOfWork;

    @AfterEach
    void endUnitOfWork() {
        if (unitOfWork != null && unitOfWork.isActive()) {
            unitOfWork.rollback();
        }
    }

    @Test
    void replayed_events_are_batched_and_live_ones_only_when_live_batching_is_on() {
        EventSavepoints.BatchedWrites replaysOnly = new EventSavepoints.BatchedWrites(true, false, Duration.ofMinutes(1));
        EventSavepoints.BatchedWrites both = new EventSavepoints.BatchedWrites(true, true, Duration.ofMinutes(1));

        assertThat(handling(replayed(), () -> replaysOnly.appliesToCurrentEvent(BATCH))).isTrue();
        assertThat(handling(live(), () -> replaysOnly.appliesToCurrentEvent(BATCH))).isFalse();
        assertThat(handling(live(), () -> both.appliesToCurrentEvent(BATCH))).isTrue();
        assertThat(both.appliesToCurrentEvent(BATCH)).as("outside a unit of work").isFalse();
    }

    @Test
    void after_a_failed_batch_write_events_go_one_by_one_unless_their_unit_of_work_batches_already() {
        EventSavepoints.BatchedWrites writes = new EventSavepoints.BatchedWrites(true, true, Duration.ofMinutes(1));
        unitOfWork = DefaultUnitOfWork.startAndGet(live());
        writes.batchOfCurrentUnitOfWork(BATCH, ArrayList::new, batch -> { });

        writes.failed();

        assertThat(writes.appliesToCurrentEvent(BATCH)).as("the unit of work holds a batch").isTrue();
        unitOfWork.rollback();
        assertThat(handling(live(), () -> writes.appliesToCurrentEvent(BATCH))).isFalse();
        assertThat(handling(replayed(), () -> writes.appliesToCurrentEvent(BATCH))).isFalse();
    }

    @Test
    void a_units_batch_is_made_once_and_written_once_before_it_commits() {
        EventSavepoints.BatchedWrites writes = new EventSavepoints.BatchedWrites(true, true, Duration.ofMinutes(1));
        List<List<String>> written = new ArrayList<>();
        unitOfWork = DefaultUnitOfWork.startAndGet(live());

        List<String> first = writes.batchOfCurrentUnitOfWork(BATCH, ArrayList::new, written::add);
        first.add("a");
        List<String> second = writes.batchOfCurrentUnitOfWork(BATCH, ArrayList::new, written::add);
        second.add("b");
        assertThat(written).isEmpty();
        unitOfWork.commit();

        assertThat(second).isSameAs(first);
        assertThat(written).containsExactly(List.of("a", "b"));
    }

    private boolean handling(TrackedEventMessage<?> event, BooleanSupplier check) {
        unitOfWork = DefaultUnitOfWork.startAndGet(event);
        try {
            return check.getAsBoolean();
        } finally {
            unitOfWork.rollback();
        }
    }

    private static TrackedEventMessage<?> live() {
        return new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(5),
                GenericEventMessage.asEventMessage("event"));
    }

    private static TrackedEventMessage<?> replayed() {
        return new GenericTrackedEventMessage<>(ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(10),
                new GlobalSequenceTrackingToken(5)), GenericEventMessage.asEventMessage("event"));
    }
}
