package io.omnireturns.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatusWatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long FAR = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);

    private final Map<String, JsonNode> views = new ConcurrentHashMap<>();
    private final AtomicInteger reads = new AtomicInteger();
    private StatusWatch watch = watch(Duration.ofMinutes(1));

    private StatusWatch watch(Duration fallbackAfter) {
        return new StatusWatch(id -> {
            reads.incrementAndGet();
            return CompletableFuture.completedFuture(views.get(id));
        }, Runnable::run, fallbackAfter);
    }

    @AfterEach
    void close() {
        watch.close();
    }

    @Test
    void a_change_on_the_stream_meets_a_condition_on_the_status_without_a_read() throws Exception {
        watch.connected();
        long mark = watch.mark();
        watch.track("R1", mark);
        CompletableFuture<StatusWatch.Seen> done = watch.await("R1", StatusCondition.COMPLETED, FAR);
        watch.changed(summary("R1", "REFUNDED", 7), System.nanoTime());
        assertThat(done).isNotDone();
        watch.changed(summary("R1", "COMPLETED", 9), System.nanoTime());
        assertThat(done.get(1, TimeUnit.SECONDS).state().path("version").asLong()).isEqualTo(9);
        assertThat(reads).hasValue(0);
    }

    @Test
    void a_change_that_came_before_the_wait_meets_it_at_once() throws Exception {
        watch.connected();
        long mark = watch.mark();
        watch.changed(summary("R1", "RECEIVED", 4), System.nanoTime()); // before the answer of the receipt
        watch.track("R1", mark);
        CompletableFuture<StatusWatch.Seen> done = watch.await("R1", StatusCondition.RECEIVED, FAR);
        assertThat(done.get(1, TimeUnit.SECONDS).state().path("status").asText()).isEqualTo("RECEIVED");
        assertThat(reads).hasValue(0);
    }

    @Test
    void a_condition_on_the_view_reads_it_once_per_change_until_it_is_met() throws Exception {
        watch.connected();
        long mark = watch.mark();
        watch.track("R1", mark);
        CompletableFuture<StatusWatch.Seen> label = watch.await("R1", StatusCondition.LABEL_ISSUED, FAR);
        views.put("R1", view("R1", "AUTHORIZED", 2, "REQUESTED"));
        watch.changed(summary("R1", "AUTHORIZED", 2), System.nanoTime());
        assertThat(label).isNotDone();
        views.put("R1", view("R1", "AUTHORIZED", 3, "LABEL_ISSUED"));
        watch.changed(summary("R1", "AUTHORIZED", 3), System.nanoTime());
        assertThat(label.get(1, TimeUnit.SECONDS).state().path("version").asLong()).isEqualTo(3);
        assertThat(reads).hasValue(2);
        assertThat(watch.changeReads()).isEqualTo(2);
    }

    @Test
    void a_held_return_ends_the_wait_unmet_with_its_reason() {
        watch.connected();
        watch.track("R1", watch.mark());
        CompletableFuture<StatusWatch.Seen> done = watch.await("R1", StatusCondition.COMPLETED, FAR);
        ObjectNode held = summary("R1", "ON_HOLD", 5).put("holdReason", "PAYMENT_FAILED");
        watch.changed(held, System.nanoTime());
        assertThatThrownBy(() -> done.get(1, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasMessageContaining("return went ON_HOLD PAYMENT_FAILED");
    }

    @Test
    void after_a_reconnect_every_waiting_return_is_read_once() throws Exception {
        watch.connected();
        watch.track("R1", watch.mark());
        CompletableFuture<StatusWatch.Seen> done = watch.await("R1", StatusCondition.COMPLETED, FAR);
        watch.disconnected();
        views.put("R1", view("R1", "COMPLETED", 12, "DELIVERED")); // completed while the stream was away
        watch.connected();
        assertThat(done.get(1, TimeUnit.SECONDS).state().path("status").asText()).isEqualTo("COMPLETED");
        assertThat(watch.catchUpReads()).isEqualTo(1);
    }

    @Test
    void a_return_requested_while_the_stream_was_down_is_read_when_first_waited_for() throws Exception {
        long mark = watch.mark(); // not connected yet
        watch.connected();
        views.put("R1", view("R1", "AUTHORIZED", 1, "NOT_STARTED"));
        watch.track("R1", mark);
        CompletableFuture<StatusWatch.Seen> exists = watch.await("R1", StatusCondition.EXISTS, FAR);
        assertThat(exists.get(1, TimeUnit.SECONDS).state().path("version").asLong()).isEqualTo(1);
        assertThat(watch.catchUpReads()).isEqualTo(1);
    }

    @Test
    void a_return_without_news_gets_a_fallback_read_and_it_is_counted() throws Exception {
        watch.close();
        watch = watch(Duration.ofMillis(200));
        watch.connected();
        watch.track("R1", watch.mark());
        CompletableFuture<StatusWatch.Seen> done = watch.await("R1", StatusCondition.COMPLETED, FAR);
        views.put("R1", view("R1", "COMPLETED", 12, "DELIVERED")); // its change was lost
        assertThat(done.get(5, TimeUnit.SECONDS).state().path("status").asText()).isEqualTo("COMPLETED");
        assertThat(watch.fallbackReads()).isEqualTo(1);
    }

    @Test
    void a_wait_past_its_deadline_fails() {
        watch.close();
        watch = watch(Duration.ofMinutes(1));
        watch.connected();
        watch.track("R1", watch.mark());
        CompletableFuture<StatusWatch.Seen> done = watch.await("R1", StatusCondition.COMPLETED,
                System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100));
        assertThatThrownBy(() -> done.get(5, TimeUnit.SECONDS)).hasMessageContaining("timed out waiting for COMPLETED");
    }

    static ObjectNode summary(String returnId, String status, long version) {
        return JSON.createObjectNode().put("returnId", returnId).put("status", status).putNull("holdReason")
                .put("version", version);
    }

    static ObjectNode view(String returnId, String status, long version, String carrierState) {
        ObjectNode view = JSON.createObjectNode().put("returnId", returnId).put("status", status)
                .put("version", version);
        view.putArray("systems").addObject().put("system", "CARRIER").put("state", carrierState);
        return view;
    }
}
