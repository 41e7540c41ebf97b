package io.omnireturns.query.admin;

import io.omnireturns.api.audit.ViewDifference;
import io.omnireturns.query.audit.EventStoreReader;
import io.omnireturns.query.status.StatusViewShadow;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Fills the status view's shadow table from the event store: every return once, then the returns whose events arrived
 * since, again. A return is always rebuilt from all the events the store holds of it when it is read (a return's
 * visible events are always a gap-free prefix: its next event is appended by a command that read the ones before),
 * and a shadow row is only replaced by a newer version, so rebuilding a return again never harms.
 */
@Component
class ShadowFill {

    /** What one catch-up pass did: returns rebuilt again, and those its events still cannot bring up to date. */
    record Pass(long rebuilt, List<ViewDifference> stillBehind) {
    }

    private final ReturnHistories histories;
    private final EventStoreReader events;
    private final StatusViewShadow shadow;
    private final AdminProperties properties;

    ShadowFill(ReturnHistories histories, EventStoreReader events, StatusViewShadow shadow,
               AdminProperties properties) {
        this.histories = histories;
        this.events = events;
        this.shadow = shadow;
        this.properties = properties;
    }

    /**
     * Every return requested up to {@code head}, in request order; {@code afterBatch} hears the count so far, and
     * {@code notRebuildable} the returns whose events could not all be applied.
     */
    void rebuildAll(long head, Consumer<Long> afterBatch, Consumer<ViewDifference> notRebuildable) {
        long[] rebuilt = {0};
        histories.walkReturns(-1, head, batch -> {
            rebuildInto(batch).forEach(notRebuildable);
            rebuilt[0] += batch.size();
            afterBatch.accept(rebuilt[0]);
        });
    }

    /**
     * The returns with events in {@code (after - gap margin, through]} whose shadow row is behind their last event
     * (or missing), rebuilt again. The margin takes events committed after others with higher global indexes (a
     * transaction that took its index first and committed last), as the projection's own gap tracking does.
     */
    Pass catchUp(long after, long through, Runnable afterBatch) {
        long[] rebuilt = {0};
        List<ViewDifference> stillBehind = new ArrayList<>();
        histories.walkChangedReturns(Math.max(-1, after - properties.rebuildGapMargin()), through, batch -> {
            Map<String, Long> last = events.lastSequenceNumbers(batch).stream().collect(Collectors.toMap(
                    EventStoreReader.ReturnSequence::returnId, EventStoreReader.ReturnSequence::lastSequenceNumber));
            Map<String, Long> stored = shadow.versions(batch);
            List<String> behind = batch.stream()
                    .filter(id -> last.containsKey(id) && stored.getOrDefault(id, -1L) < last.get(id))
                    .toList();
            if (!behind.isEmpty()) {
                stillBehind.addAll(rebuildInto(behind));
                rebuilt[0] += behind.size();
            }
            afterBatch.run();
        });
        return new Pass(rebuilt[0], stillBehind);
    }

    /** Rebuilds the returns into the shadow; answers those whose events could not all be applied. */
    private List<ViewDifference> rebuildInto(List<String> returnIds) {
        ReturnHistories.Rebuilt rebuilt = histories.rebuild(returnIds, Long.MAX_VALUE);
        List<StatusViewShadow.Row> rows = new ArrayList<>(rebuilt.returns().size());
        List<ViewDifference> failed = new ArrayList<>();
        for (RebuiltReturn rebuiltReturn : rebuilt.returns()) {
            rebuiltReturn.view().ifPresent(view ->
                    rows.add(new StatusViewShadow.Row(view, rebuiltReturn.underlyingSystems())));
            if (rebuiltReturn.failure() != null) {
                failed.add(new ViewDifference(rebuiltReturn.returnId(), "NOT_REBUILDABLE", List.of(),
                        rebuiltReturn.failure()));
            }
        }
        shadow.write(rows);
        return failed;
    }
}
