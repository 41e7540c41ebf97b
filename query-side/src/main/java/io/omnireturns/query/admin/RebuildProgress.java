package io.omnireturns.query.admin;

import io.omnireturns.api.audit.RebuildPhase;
import io.omnireturns.api.audit.ViewDifference;

import java.time.Instant;
import java.util.List;

/** A running rebuild's figures as its instance keeps them (and writes them to its {@code view_rebuild} row). */
final class RebuildProgress {

    final String view;
    final String rebuildId;
    final String requestedBy;
    final String node;
    final Instant startedAt;
    volatile RebuildPhase phase = RebuildPhase.REBUILDING;
    volatile Instant updatedAt;
    volatile Instant finishedAt;
    volatile Long throughIndex;
    volatile Long returnsTotal;
    volatile long returnsRebuilt;
    volatile int catchUpPasses;
    volatile long returnsCaughtUp;
    volatile Long returnsVerified;
    volatile Long corrected;
    volatile String failure;
    volatile List<ViewDifference> differences = List.of();

    RebuildProgress(String view, String rebuildId, String requestedBy, String node, Instant startedAt) {
        this.view = view;
        this.rebuildId = rebuildId;
        this.requestedBy = requestedBy;
        this.node = node;
        this.startedAt = startedAt;
        this.updatedAt = startedAt;
    }
}
