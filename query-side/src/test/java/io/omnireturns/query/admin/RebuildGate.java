package io.omnireturns.query.admin;

import io.omnireturns.api.audit.RebuildPhase;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds a rebuild at a point of its run until the test lets it go: a phase ({@link RebuildPhase#name()}), the first
 * batch written ({@link #BATCH}) or the live table locked in the swap's transaction ({@link #LOCKED}). Holds once.
 */
final class RebuildGate implements RebuildListener {

    static final String BATCH = "BATCH";
    static final String LOCKED = "LOCKED";

    private String holdAt;
    private CountDownLatch reached = new CountDownLatch(1);
    private CountDownLatch nextRelease = new CountDownLatch(1);
    private CountDownLatch heldOn;

    /** The next time the rebuild comes to {@code point}, it waits there. */
    synchronized void holdAt(String point) {
        reached = new CountDownLatch(1);
        nextRelease = new CountDownLatch(1);
        holdAt = point;
    }

    /** Waits until the rebuild stands at the point. */
    void awaitHeld() throws InterruptedException {
        CountDownLatch waitingFor;
        synchronized (this) {
            waitingFor = reached;
        }
        if (!waitingFor.await(60, TimeUnit.SECONDS)) {
            throw new AssertionError("the rebuild never reached the point it was to be held at");
        }
    }

    /** Lets the rebuild go on from where it is held (a hold set for later stays). */
    synchronized void release() {
        if (heldOn != null) {
            heldOn.countDown();
            heldOn = null;
        }
    }

    /** No hold any more, and none waiting. */
    synchronized void reset() {
        holdAt = null;
        release();
    }

    @Override
    public void entering(RebuildPhase phase) {
        at(phase.name());
    }

    @Override
    public void batchWritten(long returnsRebuilt) {
        at(BATCH);
    }

    @Override
    public void liveTableLocked() {
        at(LOCKED);
    }

    private void at(String point) {
        CountDownLatch waitFor;
        synchronized (this) {
            if (!point.equals(holdAt)) {
                return;
            }
            holdAt = null;
            heldOn = nextRelease;
            waitFor = heldOn;
            reached.countDown();
        }
        try {
            if (!waitFor.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let the rebuild go on from " + point);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
