package io.omnireturns.query.admin;

import io.omnireturns.api.audit.ViewDifference;
import io.omnireturns.query.audit.EventStoreReader;
import io.omnireturns.query.status.StatusViewShadow;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The check a shadow must pass before it replaces the live status view: a row for every return in the event store up
 * to the head the shadow has caught up to, each at the version of the return's last event up to that head (or
 * newer). Beside it, what the swap will correct: live rows that differ from the shadow at the same version, returns
 * missing from the live table, and live rows of returns that have no events at all.
 */
@Component
class ShadowVerification {

    /** What the check found; {@code passed} when no return is missing from or behind in the shadow. */
    record Outcome(long verified, long failureCount, List<ViewDifference> failures, long correctionCount,
                   List<ViewDifference> corrections) {

        boolean passed() {
            return failureCount == 0;
        }
    }

    private final ReturnHistories histories;
    private final EventStoreReader events;
    private final StatusViewShadow shadow;
    private final StatusViewRows liveRows;
    private final AdminProperties properties;

    ShadowVerification(ReturnHistories histories, EventStoreReader events, StatusViewShadow shadow,
                       StatusViewRows liveRows, AdminProperties properties) {
        this.histories = histories;
        this.events = events;
        this.shadow = shadow;
        this.liveRows = liveRows;
        this.properties = properties;
    }

    /**
     * @param through        the head the shadow has caught up to
     * @param notRebuildable returns whose events could not all be applied, by id: they explain a return behind
     * @param afterBatch     runs after each batch (progress, cancellation)
     */
    Outcome verify(long through, Map<String, ViewDifference> notRebuildable, Runnable afterBatch) {
        int maxListed = properties.verificationMaxDifferences();
        List<ViewDifference> failures = new ArrayList<>();
        List<ViewDifference> corrections = new ArrayList<>();
        long[] counts = new long[3]; // verified, failures, corrections
        histories.walkReturns(-1, through, batch -> {
            Map<String, Long> last = events.lastSequenceNumbersThrough(batch, through).stream().collect(
                    Collectors.toMap(EventStoreReader.ReturnSequence::returnId,
                            EventStoreReader.ReturnSequence::lastSequenceNumber));
            for (StatusViewShadow.Comparison row : shadow.compareWithLive(batch)) {
                long expected = last.getOrDefault(row.returnId(), 0L);
                ViewDifference failure = null;
                if (row.shadowVersion() == null) {
                    failure = notRebuildable.getOrDefault(row.returnId(), new ViewDifference(row.returnId(),
                            "MISSING_FROM_VIEW", List.of(), "no row in the shadow, but events up to #" + expected));
                } else if (row.shadowVersion() < expected) {
                    failure = notRebuildable.getOrDefault(row.returnId(), new ViewDifference(row.returnId(),
                            "BEHIND", List.of("version"), "the shadow row stands at event #" + row.shadowVersion()
                            + ", the events go up to #" + expected));
                }
                if (failure != null) {
                    counts[1]++;
                    add(failures, failure, maxListed);
                    continue;
                }
                counts[0]++;
                ViewDifference correction = correction(row);
                if (correction != null) {
                    counts[2]++;
                    add(corrections, correction, maxListed);
                }
            }
            afterBatch.run();
        });
        StatusViewRows.Orphans orphans = liveRows.withoutEvents(EventStoreReader.RETURN_AGGREGATE, maxListed);
        orphans.first().forEach(returnId -> add(corrections, new ViewDifference(returnId, "NOT_IN_EVENT_STORE",
                List.of(), "a live row, but no event of such a return: the swap drops it"), maxListed));
        counts[2] += orphans.count();
        return new Outcome(counts[0], counts[1], failures, counts[2], corrections);
    }

    /** What the swap corrects in the live view for this return, if anything. */
    private static ViewDifference correction(StatusViewShadow.Comparison row) {
        if (row.liveVersion() == null) {
            return new ViewDifference(row.returnId(), "MISSING_FROM_VIEW", List.of(),
                    "no live row, but events up to #" + row.shadowVersion());
        }
        if (row.liveVersion() < row.shadowVersion()) {
            return new ViewDifference(row.returnId(), "BEHIND", List.of("version"), "the live row stood at event #"
                    + row.liveVersion() + ", its events go up to #" + row.shadowVersion()
                    + " (dead-lettered, or not applied yet)");
        }
        if (row.differs()) {
            return new ViewDifference(row.returnId(), "DIFFERENT", List.of(),
                    "the live row differed from what its events say at event #" + row.liveVersion());
        }
        return null; // equal, or the live row moved on since the shadow's pass
    }

    private static void add(List<ViewDifference> listed, ViewDifference difference, int maxListed) {
        if (listed.size() < maxListed) {
            listed.add(difference);
        }
    }
}
