package io.omnireturns.command.orchestration.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The processes this node handled last, as stored (state and version), least recently used dropped first. Only the
 * node owning a return's segment handles its events, so a hit is nearly always current; when it is not (the segment
 * was elsewhere meanwhile) the version check of the write catches it ({@link StaleProcessException}).
 * <p>
 * Holds only what was committed: a batch works on the cached object, so a batch that rolls back evicts what it
 * touched.
 */
final class ProcessCache {

    private final int capacity;
    private final Map<String, ProcessStore.Stored> entries;

    ProcessCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ProcessStore.Stored> eldest) {
                return size() > ProcessCache.this.capacity;
            }
        };
    }

    synchronized Optional<ProcessStore.Stored> get(String returnId) {
        return Optional.ofNullable(entries.get(returnId));
    }

    synchronized void put(ProcessStore.Stored stored) {
        if (capacity > 0) {
            entries.put(stored.process().returnId(), stored);
        }
    }

    synchronized void evict(String returnId) {
        entries.remove(returnId);
    }

    synchronized void clear() {
        entries.clear();
    }

    synchronized int size() {
        return entries.size();
    }
}
