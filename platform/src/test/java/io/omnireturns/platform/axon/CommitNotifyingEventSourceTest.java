package io.omnireturns.platform.axon;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CommitNotifyingEventSourceTest {

    private final EmbeddedEventStore eventStore = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();

    @AfterEach
    void stopStore() {
        eventStore.shutDown();
    }

    private void commitOneEvent() {
        DefaultUnitOfWork.startAndGet(null).execute(() -> eventStore.publish(GenericEventMessage.asEventMessage("e")));
    }

    @Test
    void a_stream_is_told_after_a_local_commit_and_then_sees_the_event() {
        CommitNotifyingEventSource source = new CommitNotifyingEventSource(eventStore, true, Duration.ofMillis(200),
                Duration.ofHours(1));
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);
        AtomicInteger told = new AtomicInteger();

        assertThat(stream.setOnAvailableCallback(told::incrementAndGet)).isTrue();
        assertThat(stream.hasNextAvailable()).isFalse();
        commitOneEvent();

        assertThat(told.get()).isEqualTo(1);
        assertThat(stream.hasNextAvailable()).isTrue();
        source.close();
    }

    @Test
    void commits_within_the_linger_are_told_once_after_it() {
        CommitNotifyingEventSource source = new CommitNotifyingEventSource(eventStore, true, Duration.ofMillis(200),
                Duration.ofHours(1), Duration.ofMillis(300));
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);
        AtomicInteger told = new AtomicInteger();
        stream.setOnAvailableCallback(told::incrementAndGet);

        commitOneEvent();
        commitOneEvent();
        commitOneEvent();

        assertThat(told.get()).as("not yet: the linger runs").isZero();
        await().atMost(Duration.ofSeconds(5)).until(() -> told.get() == 1);
        assertThat(stream.hasNextAvailable()).isTrue();
        source.close();
    }

    @Test
    void a_lingering_stream_read_to_its_end_shows_what_came_since_only_after_the_next_call_back()
            throws InterruptedException {
        CommitNotifyingEventSource source = new CommitNotifyingEventSource(eventStore, true, Duration.ofMillis(200),
                Duration.ofHours(1), Duration.ofSeconds(10));
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);
        AtomicInteger told = new AtomicInteger();
        stream.setOnAvailableCallback(told::incrementAndGet);
        assertThat(stream.hasNextAvailable()).as("read to its end").isFalse();

        commitOneEvent();

        // the event is there (a timed look of the embedded store may answer false once, as its consumer moves from
        // its own read to the shared one)
        await().atMost(Duration.ofSeconds(8)).until(() -> stream.hasNextAvailable(100, TimeUnit.MILLISECONDS));
        assertThat(told.get()).isZero();
        assertThat(stream.hasNextAvailable()).as("but waits for the call back after the linger").isFalse();
        await().atMost(Duration.ofSeconds(20)).until(() -> told.get() == 1);
        assertThat(stream.hasNextAvailable()).isTrue();
        stream.nextAvailable();
        assertThat(stream.hasNextAvailable()).isFalse();
        source.close();
    }

    @Test
    void the_fallback_tick_comes_only_after_a_whole_interval_without_a_call_back() {
        CommitNotifyingEventSource source = new CommitNotifyingEventSource(eventStore, true, Duration.ofMillis(20),
                Duration.ofHours(1));
        AtomicInteger told = new AtomicInteger();
        source.openStream(null).setOnAvailableCallback(told::incrementAndGet);
        long hour = TimeUnit.HOURS.toNanos(1);

        source.tickUnlessWokenAt(System.nanoTime() + 2 * hour);
        assertThat(told.get()).as("an hour and more without a call back").isEqualTo(1);
        commitOneEvent();
        assertThat(told.get()).isEqualTo(2);
        source.tickUnlessWokenAt(System.nanoTime() + hour / 2);
        assertThat(told.get()).as("a commit's call back half an hour ago").isEqualTo(2);
        source.tickUnlessWokenAt(System.nanoTime() + 2 * hour);
        assertThat(told.get()).isEqualTo(3);
        source.close();
    }

    @Test
    void a_lingering_store_reads_what_every_commit_of_its_linger_appended() throws InterruptedException {
        EmbeddedEventStore lingering = new LingeringEventStore(EmbeddedEventStore.builder()
                .storageEngine(new InMemoryEventStorageEngine()), Duration.ofMillis(50));
        try {
            BlockingStream<TrackedEventMessage<?>> stream = lingering.openStream(null);
            assertThat(stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)).isFalse();
            for (int i = 0; i < 3; i++) {
                DefaultUnitOfWork.startAndGet(null).execute(() ->
                        lingering.publish(GenericEventMessage.asEventMessage("e")));
            }
            for (int i = 0; i < 3; i++) {
                assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
                stream.nextAvailable();
            }
        } finally {
            lingering.shutDown();
        }
    }

    @Test
    void nothing_is_told_of_a_unit_of_work_that_rolls_back() {
        CommitNotifyingEventSource source = new CommitNotifyingEventSource(eventStore, true, Duration.ofMillis(20),
                Duration.ofHours(1));
        AtomicInteger told = new AtomicInteger();
        source.openStream(null).setOnAvailableCallback(told::incrementAndGet);

        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        eventStore.publish(GenericEventMessage.asEventMessage("e"));
        unitOfWork.rollback();

        assertThat(told.get()).isZero();
        source.close();
    }

    @Test
    void disabled_it_is_the_plain_event_store_stream_without_callbacks() {
        CommitNotifyingEventSource source = new CommitNotifyingEventSource(eventStore, false, Duration.ofMillis(20),
                Duration.ofMillis(20));

        assertThat(source.openStream(null).setOnAvailableCallback(() -> { })).isFalse();
        source.close();
    }
}
