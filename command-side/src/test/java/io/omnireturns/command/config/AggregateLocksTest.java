package io.omnireturns.command.config;

import org.axonframework.common.lock.Lock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Locks taken inside a piece of work that spans several commands stay held until the work is done. */
class AggregateLocksTest {

    private final AggregateLocks locks = new AggregateLocks();
    private final ExecutorService otherThread = Executors.newSingleThreadExecutor();

    @Test
    void aLockACommandReleasedInsideTheWorkIsHeldUntilTheWorkEnds() throws Exception {
        CountDownLatch commandDone = new CountDownLatch(1);
        CountDownLatch workMayEnd = new CountDownLatch(1);
        CompletableFuture<Void> work = CompletableFuture.runAsync(() -> locks.holdingUntilDone(() -> {
            locks.obtainLock("RET-1").release(); // a command's unit of work ends
            commandDone.countDown();
            await().until(() -> workMayEnd.getCount() == 0);
            return null;
        }));
        commandDone.await();

        CompletableFuture<Lock> other = CompletableFuture.supplyAsync(() -> locks.obtainLock("RET-1"), otherThread);

        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !other.isDone());
        workMayEnd.countDown();
        assertThat(work).succeedsWithin(Duration.ofSeconds(5));
        assertThat(other).succeedsWithin(Duration.ofSeconds(5));
        otherThread.submit(() -> other.join().release()).get();
    }

    @Test
    void outsideSuchWorkALockIsFreeOnceReleased() throws Exception {
        locks.obtainLock("RET-2").release();

        CompletableFuture<Lock> other = CompletableFuture.supplyAsync(() -> locks.obtainLock("RET-2"), otherThread);

        assertThat(other).succeedsWithin(Duration.ofSeconds(5));
        otherThread.submit(() -> other.join().release()).get();
    }
}
