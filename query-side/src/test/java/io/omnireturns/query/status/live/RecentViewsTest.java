package io.omnireturns.query.status.live;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.omnireturns.api.orders.SalesChannel;
import io.omnireturns.api.query.ReturnStatusView;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.query.MutableClock;
import io.omnireturns.query.status.StatusViewWrites;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class RecentViewsTest {

    private static final Instant T0 = Instant.parse("2030-01-01T10:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RecentViews views = new RecentViews(2, Duration.ofSeconds(10), clock, meters);
    /** The "database": the newest version of each return, and how often it was read. */
    private final Map<String, Long> stored = new HashMap<>();
    private final AtomicInteger reads = new AtomicInteger();
    private final Function<String, ReturnStatusView> database = id -> {
        reads.incrementAndGet();
        Long version = stored.get(id);
        return version == null ? null : view(id, version);
    };

    @BeforeEach
    void listen() {
        views.listening();
    }

    @Test
    void a_view_read_once_is_answered_from_memory_until_a_notification_says_it_changed() {
        stored.put("R-1", 3L);
        assertThat(views.find("R-1", database).version()).isEqualTo(3);
        assertThat(views.find("R-1", database).version()).isEqualTo(3);
        assertThat(reads).hasValue(1);

        stored.put("R-1", 4L);
        views.changed(Map.of("R-1", 4L));

        assertThat(views.find("R-1", database).version()).isEqualTo(4);
        assertThat(views.find("R-1", database).version()).isEqualTo(4);
        assertThat(reads).hasValue(2);
        assertThat(meters.counter("omnireturns.status.view.cache", "result", "hit").count()).isEqualTo(2);
    }

    @Test
    void a_read_that_began_before_a_change_was_announced_is_answered_but_not_kept() {
        stored.put("R-1", 3L);
        ReturnStatusView first = views.find("R-1", id -> {
            ReturnStatusView old = database.apply(id);
            stored.put("R-1", 4L);
            views.changed(Map.of("R-1", 4L)); // the write of version 4 is announced while version 3 is on its way
            return old;
        });

        assertThat(first.version()).isEqualTo(3);
        assertThat(views.find("R-1", database).version()).isEqualTo(4);
        assertThat(reads).hasValue(2);
    }

    @Test
    void an_announcement_of_the_version_already_held_keeps_it() {
        stored.put("R-1", 3L);
        views.find("R-1", database);
        views.changed(Map.of("R-1", 3L)); // the read came after the commit, the notification after the read

        views.find("R-1", database);
        assertThat(reads).hasValue(1);
    }

    @Test
    void nothing_is_kept_while_the_listener_has_lost_its_connection_nor_from_a_read_begun_before() {
        stored.put("R-1", 3L);
        views.find("R-1", database);
        views.notListening();

        views.find("R-1", database);
        views.find("R-1", database);
        assertThat(reads).hasValue(3);

        ReturnStatusView during = views.find("R-1", id -> {
            views.listening(); // the listener connects again while this read is on its way
            return database.apply(id);
        });
        assertThat(during.version()).isEqualTo(3);
        views.find("R-1", database);
        views.find("R-1", database);
        assertThat(reads).hasValue(5);
    }

    @Test
    void a_view_is_read_again_after_its_maximum_age_and_the_least_recently_used_goes_first() {
        stored.putAll(Map.of("R-1", 1L, "R-2", 1L, "R-3", 1L));
        views.find("R-1", database);
        clock.set(T0.plusSeconds(10));
        views.find("R-1", database);
        assertThat(reads).hasValue(2);

        views.find("R-2", database);
        views.find("R-1", database);
        views.find("R-3", database); // three views, room for two: R-2 was used least lately
        assertThat(reads).hasValue(4);
        views.find("R-1", database);
        views.find("R-2", database);
        assertThat(reads).hasValue(5);
    }

    @Test
    void a_reset_of_the_view_forgets_every_view_and_keeps_no_read_under_way() {
        stored.putAll(Map.of("R-1", 1L, "R-2", 1L));
        views.find("R-1", database);
        views.find("R-2", id -> {
            ReturnStatusView read = database.apply(id);
            views.cleared(); // the view is emptied for a replay while this read is on its way
            return read;
        });
        stored.clear();

        assertThat(views.find("R-1", database)).isNull();
        assertThat(views.find("R-2", database)).isNull();
    }

    @Test
    void this_nodes_own_write_marks_the_view_stale_before_it_commits_and_is_kept_as_written_once_it_has() {
        stored.put("R-1", 1L);
        views.find("R-1", database);
        // inside the writer's transaction
        StatusViewWrites.Completion write = views.written(List.of(view("R-1", 2L)), true);

        assertThat(views.find("R-1", database).version()).as("the row still says 1 to other readers").isEqualTo(1);
        stored.put("R-1", 2L);
        write.completed(true);
        assertThat(views.find("R-1", database).version()).isEqualTo(2);
        assertThat(views.find("R-1", database).version()).isEqualTo(2);
        assertThat(reads).as("the written view is answered without reading it back").hasValue(2);
        assertThat(views.held("R-1", 2)).hasValueSatisfying(view -> assertThat(view.version()).isEqualTo(2));
        assertThat(views.held("R-1", 3)).isEmpty();
    }

    @Test
    void a_view_written_for_a_return_nobody_read_yet_is_answered_without_a_read() {
        views.written(List.of(view("R-1", 0L), view("R-1", 1L)), true).completed(true);

        assertThat(views.find("R-1", database).version()).isEqualTo(1);
        assertThat(reads).hasValue(0);
    }

    @Test
    void a_view_a_replay_rebuilds_is_not_kept() {
        stored.put("R-1", 5L);
        views.written(List.of(view("R-1", 5L)), false).completed(true);

        assertThat(views.find("R-1", database).version()).isEqualTo(5);
        assertThat(reads).hasValue(1);
    }

    @Test
    void a_write_is_not_kept_when_a_newer_version_was_announced_or_the_cache_emptied_before_it_committed() {
        StatusViewWrites.Completion overtaken = views.written(List.of(view("R-1", 2L)), true);
        stored.put("R-1", 3L);
        views.changed(Map.of("R-1", 3L)); // another node wrote version 3 and said so before this commit finished
        overtaken.completed(true);
        assertThat(views.find("R-1", database).version()).isEqualTo(3);
        assertThat(reads).hasValue(1);

        StatusViewWrites.Completion emptied = views.written(List.of(view("R-2", 1L)), true);
        views.notListening(); // notifications may be missed from here on
        views.listening();
        emptied.completed(true);
        stored.put("R-2", 1L);
        views.find("R-2", database);
        assertThat(reads).hasValue(2);
    }

    @Test
    void a_newer_version_announced_while_a_write_waits_wins_even_when_the_cache_dropped_the_return_meanwhile() {
        StatusViewWrites.Completion waiting = views.written(List.of(view("R-1", 2L)), true);
        stored.putAll(Map.of("R-2", 1L, "R-3", 1L));
        views.find("R-2", database);
        views.find("R-3", database); // room for two: nothing of R-1 is left among the entries
        stored.put("R-1", 3L);
        views.changed(Map.of("R-1", 3L)); // another node's write, announced before this commit has finished

        waiting.completed(true);
        assertThat(views.find("R-1", database).version()).isEqualTo(3);
    }

    @Test
    void a_write_that_rolled_back_is_not_kept_and_leaves_nothing_waiting() {
        stored.put("R-1", 1L);
        StatusViewWrites.Completion rolledBack = views.written(List.of(view("R-1", 2L)), true);
        assertThat(views.find("R-1", database).version()).as("not kept: a write of 2 waits").isEqualTo(1);

        rolledBack.completed(false);
        assertThat(views.held("R-1", 0)).isEmpty();
        assertThat(views.find("R-1", database).version()).isEqualTo(1);
        assertThat(views.find("R-1", database).version()).as("kept now that nothing waits").isEqualTo(1);
        assertThat(reads).hasValue(2);
    }

    @Test
    void while_the_database_is_down_every_look_up_reads_it_and_the_cache_stays_off_until_the_listener_shows_it_alive() {
        java.util.concurrent.atomic.AtomicBoolean up = new java.util.concurrent.atomic.AtomicBoolean(true);
        RecentViews probed = new RecentViews(2, Duration.ofSeconds(10), clock, new SimpleMeterRegistry(), up::get);
        probed.listening();
        stored.put("R-1", 1L);
        probed.find("R-1", database);
        probed.find("R-1", database);
        assertThat(reads).hasValue(1);

        up.set(false);
        probed.find("R-1", database); // a real reader fails here: the look-up answers 503
        assertThat(reads).hasValue(2);

        up.set(true);
        probed.find("R-1", database);
        probed.find("R-1", database);
        assertThat(reads).as("nothing kept until the listener is heard from again").hasValue(4);
        probed.listening();
        probed.find("R-1", database);
        probed.find("R-1", database);
        assertThat(reads).hasValue(5);
    }

    @Test
    void a_missing_return_is_not_remembered() {
        assertThat(views.find("R-9", database)).isNull();
        stored.put("R-9", 1L);
        assertThat(views.find("R-9", database)).isNotNull();
    }

    @Test
    void with_no_entries_allowed_every_look_up_reads_the_database() {
        RecentViews off = new RecentViews(0, Duration.ofSeconds(10), clock, new SimpleMeterRegistry());
        off.listening();
        stored.put("R-1", 1L);
        off.find("R-1", database);
        off.find("R-1", database);
        assertThat(reads).hasValue(2);
    }

    private static ReturnStatusView view(String returnId, long version) {
        return new ReturnStatusView(returnId, "O-" + returnId, "C-1", SalesChannel.WEB, null, ReturnStatus.AUTHORIZED,
                null, List.of(), null, "EUR", T0, T0, List.of(), null, List.of(), List.of(), List.of(), null, version);
    }
}
