package io.omnireturns.query.status.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.omnireturns.api.query.ReturnStatusView;
import io.omnireturns.query.status.StatusViewWrites;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The status views this node read lately, answered again from memory until the view changes: a client polling
 * {@code GET /api/v1/returns/{id}} (a shop's "where is my refund" page, a channel's integration) costs the database
 * one read per change of the return, not one per poll.
 * <p>
 * <b>Why a cached view is never older than the database's by more than a notification's travel.</b> Every write of
 * a view is announced by a PostgreSQL notification in the writer's transaction ({@code StatusChangeNotices}); this
 * node's {@link StatusChangeListener} hears each one and {@link #changed marks} the return's entry stale before
 * anything else, so the next look-up reads the row. A write by this node's own status projection marks it stale
 * already inside the writing transaction, and once that commits the view as written is kept
 * ({@link #written}): a return that moves is answered from memory right after each change, without reading the row
 * back. A read that began before the notification arrived cannot put its older view back: an entry remembers the
 * newest version announced, and only a view at least that new is kept.
 * Views are kept only while the listener holds its connection: when it loses it, notifications may be missed, so
 * the cache {@link #notListening empties} and stays off until the listener listens again (a read begun before that
 * is not kept either). A reset before a replay empties every node's cache ({@link #cleared}); the replay then
 * rebuilds views without announcing them (this node's own writes still mark them stale), so an entry is also read
 * again after {@code maxAge} whatever happens.
 * <p>
 * At most {@code maxEntries} views, the least recently used dropped first; {@code maxEntries} 0 turns it off.
 */
public final class RecentViews implements StatusViewWrites {

    /** A view as read ({@code view} set) or only the newest version announced since ({@code view} null). */
    private record Entry(long version, ReturnStatusView view, long readAtMillis) {
    }

    /** Writes of a return waiting for their transactions, and the newest version written or announced since. */
    private record Pending(int writes, long newest) {
    }

    private final int maxEntries;
    private final long maxAgeMillis;
    private final Clock clock;
    private final BooleanSupplier databaseAvailable;
    private final Map<String, Entry> entries;
    /** Returns being read now, and how many reads of each: a change announced meanwhile must stop them being kept. */
    private final Map<String, Integer> reading = new java.util.HashMap<>();
    /** Returns this node is writing, until each write's transaction ends: how many, and the newest version known. */
    private final Map<String, Pending> pending = new java.util.HashMap<>();
    private final Counter hits;
    private final Counter misses;
    private long epoch;
    private boolean listening;

    public RecentViews(int maxEntries, Duration maxAge, Clock clock, MeterRegistry meters) {
        this(maxEntries, maxAge, clock, meters, () -> true);
    }

    /**
     * @param databaseAvailable the outage probe's verdict: while the database is down nothing is answered from memory
     *                          (a look-up answers {@code 503 DATABASE_UNAVAILABLE} as every path does), everything held
     *                          is dropped, and the cache stays off until the listener shows its connection alive again
     */
    public RecentViews(int maxEntries, Duration maxAge, Clock clock, MeterRegistry meters,
                       BooleanSupplier databaseAvailable) {
        this.maxEntries = Math.max(0, maxEntries);
        this.maxAgeMillis = maxAge.toMillis();
        this.clock = clock;
        this.databaseAvailable = databaseAvailable;
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > RecentViews.this.maxEntries;
            }
        };
        this.hits = Counter.builder("omnireturns.status.view.cache").tag("result", "hit")
                .description("status view look-ups answered from this node's memory").register(meters);
        this.misses = Counter.builder("omnireturns.status.view.cache").tag("result", "miss")
                .description("status view look-ups that read the database").register(meters);
        Gauge.builder("omnireturns.status.view.cache.size", this, RecentViews::size)
                .description("status views held in this node's memory").register(meters);
    }

    /** The return's view: from memory when it has not changed since it was read, else read by {@code reader}. */
    public ReturnStatusView find(String returnId, Function<String, ReturnStatusView> reader) {
        long readingInEpoch;
        if (!databaseAvailable.getAsBoolean()) {
            notListening(); // what the listener misses during the outage could leave any view stale
        }
        synchronized (this) {
            Entry entry = entries.get(returnId);
            if (listening && entry != null && entry.view() != null
                    && clock.millis() - entry.readAtMillis() < maxAgeMillis) {
                hits.increment();
                return entry.view();
            }
            readingInEpoch = epoch;
            reading.merge(returnId, 1, Integer::sum);
        }
        misses.increment();
        ReturnStatusView read = null;
        try {
            read = reader.apply(returnId);
            return read;
        } finally {
            done(returnId, read, readingInEpoch);
        }
    }

    /**
     * The view held for the return if it is at least {@code version} and may be answered (listening, not past its
     * maximum age); empty otherwise. Reads nothing and counts as neither hit nor miss.
     */
    public synchronized java.util.Optional<ReturnStatusView> held(String returnId, long version) {
        Entry entry = entries.get(returnId);
        if (listening && databaseAvailable.getAsBoolean() && entry != null && entry.view() != null
                && entry.view().version() >= version
                && clock.millis() - entry.readAtMillis() < maxAgeMillis) {
            return java.util.Optional.of(entry.view());
        }
        return java.util.Optional.empty();
    }

    private synchronized void done(String returnId, ReturnStatusView read, long readingInEpoch) {
        reading.computeIfPresent(returnId, (id, count) -> count == 1 ? null : count - 1);
        if (read == null || !listening || epoch != readingInEpoch || maxEntries == 0) {
            return;
        }
        keep(read);
    }

    private void keep(ReturnStatusView view) {
        Entry known = entries.get(view.returnId());
        Pending waiting = pending.get(view.returnId());
        if ((known == null || known.version() <= view.version())
                && (waiting == null || waiting.newest() <= view.version())) {
            entries.put(view.returnId(), new Entry(view.version(), view, clock.millis()));
        }
    }

    /**
     * This node's status projection is writing these views: their entries are stale from now on, and once the write
     * has committed the keepable ones are kept as written (the rows hold them now), so a look-up right after a change
     * is answered without reading the row back. Not kept when the cache was emptied meanwhile (a reset, a lost
     * listener) or a newer version was announced meanwhile (another node's write): each write waiting for its commit
     * is remembered outside the cache's entries, which the least recently used rule may drop, with the newest version
     * announced since.
     */
    @Override
    public Completion written(Collection<ReturnStatusView> views, boolean keepable) {
        Map<String, ReturnStatusView> newest = new HashMap<>();
        views.forEach(view -> newest.merge(view.returnId(), view,
                (one, other) -> one.version() >= other.version() ? one : other));
        Map<String, Long> versions = new HashMap<>();
        newest.forEach((returnId, view) -> versions.put(returnId, view.version()));
        boolean keepOnCommit = keepable && maxEntries > 0;
        long writtenInEpoch;
        synchronized (this) {
            changed(versions);
            if (keepOnCommit) {
                versions.forEach((returnId, version) -> pending.merge(returnId, new Pending(1, version),
                        (known, added) -> new Pending(known.writes() + 1, Math.max(known.newest(), version))));
            }
            writtenInEpoch = epoch;
        }
        return keepOnCommit ? committed -> completed(newest.values(), committed, writtenInEpoch) : Completion.NOTHING;
    }

    private synchronized void completed(Collection<ReturnStatusView> views, boolean committed, long writtenInEpoch) {
        for (ReturnStatusView view : views) {
            Pending waiting = pending.get(view.returnId());
            if (waiting == null) {
                continue;
            }
            if (waiting.writes() == 1) {
                pending.remove(view.returnId());
            } else {
                pending.put(view.returnId(), new Pending(waiting.writes() - 1, waiting.newest()));
            }
            if (committed && listening && epoch == writtenInEpoch && waiting.newest() <= view.version()) {
                keep(view);
            }
        }
    }

    /** Every view was deleted: nothing held is true any more, nor is a read under way. */
    @Override
    public synchronized void cleared() {
        epoch++;
        entries.clear();
    }

    /** Views were written: each return's newest announced version. Their entries are stale from now on. */
    public synchronized void changed(Map<String, Long> versions) {
        versions.forEach((returnId, version) -> pending.computeIfPresent(returnId,
                (id, waiting) -> new Pending(waiting.writes(), Math.max(waiting.newest(), version))));
        if (!listening) {
            return;
        }
        versions.forEach((returnId, version) -> {
            Entry known = entries.get(returnId);
            if (known == null && !reading.containsKey(returnId)) {
                return; // neither held nor being read: nothing can go stale
            }
            stale(returnId, version);
        });
    }

    /** A read under way of an older view is not kept from now on. */
    private void stale(String returnId, long version) {
        Entry known = entries.get(returnId);
        if (known == null || known.version() < version) {
            entries.put(returnId, new Entry(version, null, 0));
        }
    }

    /**
     * The listener listens (again), its connection shown alive (connected, a notification heard, a check answered):
     * views read from now on may be kept.
     */
    public synchronized void listening() {
        if (!listening) {
            epoch++;
            listening = true;
        }
    }

    /** The listener lost its connection, or the database is down: what is missed now could leave a view stale. */
    public synchronized void notListening() {
        if (listening || !entries.isEmpty()) {
            epoch++;
            listening = false;
            entries.clear();
        }
    }

    synchronized int size() {
        return entries.size();
    }
}
