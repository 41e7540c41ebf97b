package io.omnireturns.query.admin;

import io.omnireturns.api.audit.RebuildPhase;

/**
 * Told what a rebuild of the status view does, on the thread running it: a test holds the rebuild at a phase with
 * it. Every bean of this type hears; none is needed.
 */
public interface RebuildListener {

    /** The rebuild enters a phase (before any of its work). */
    default void entering(RebuildPhase phase) {
    }

    /** A batch of returns was written into the shadow; {@code returnsRebuilt} so far in the first pass. */
    default void batchWritten(long returnsRebuilt) {
    }

    /** In the swap's transaction: the live table is locked, the shadow not swapped in yet. */
    default void liveTableLocked() {
    }
}
