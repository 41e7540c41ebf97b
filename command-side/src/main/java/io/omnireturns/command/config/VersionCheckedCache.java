package io.omnireturns.command.config;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.function.UnaryOperator;

/**
 * The aggregate cache made safe on a database several command-side processes share. A cached aggregate is used only
 * while it is as new as the store: on every hit one indexed look-up ({@code max(sequencenumber)} of the aggregate's
 * events, read in the caller's transaction) compares the stored version with the cached one, and a difference (another
 * process appended meanwhile) is a miss, so the aggregate is read from the store again. Without this check a command
 * that refuses, or finds nothing to do, would decide on a copy that missed another node's events.
 * <p>
 * A second duty: an entry put inside a Spring transaction is removed again when that transaction does not commit.
 * Axon evicts on the rollback of the command's own unit of work, but a command that joins an outer transaction (the
 * request path, a group of outcomes) has "committed" its unit of work long before the outer transaction fails; its
 * events are then gone while the cached aggregate still holds them. The version check would catch that too (the
 * store has fewer events than the copy), the eviction makes it certain.
 * <p>
 * Reads inside the transaction that appended see its own uncommitted events, so a group of commands on one aggregate
 * keeps hitting the cache; another thread's transaction does not see them and reloads from the store.
 */
public final class VersionCheckedCache implements Cache {

    private static final String STORED_VERSION =
            "SELECT max(sequencenumber) FROM domainevententry WHERE aggregateidentifier = ?";

    private final Cache delegate;
    private final JdbcTemplate jdbc;

    public VersionCheckedCache(Cache delegate, JdbcTemplate jdbc) {
        this.delegate = delegate;
        this.jdbc = jdbc;
    }

    /** What the delegate holds: the entry and the aggregate version it was put with. */
    record Versioned(Object entry, long version) {
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object held = delegate.get(key);
        if (!(held instanceof Versioned versioned)) {
            return (V) held;
        }
        Long stored = jdbc.queryForObject(STORED_VERSION, Long.class, key.toString());
        if (stored == null || stored != versioned.version()) {
            delegate.remove(key);
            return null;
        }
        return (V) versioned.entry();
    }

    @Override
    public void put(Object key, Object value) {
        Object versioned = versioned(value);
        if (versioned == null) {
            delegate.remove(key);
            return;
        }
        delegate.put(key, versioned);
        evictUnlessCommitted(key);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        Object versioned = versioned(value);
        if (versioned == null) {
            return false;
        }
        boolean added = delegate.putIfAbsent(key, versioned);
        if (added) {
            evictUnlessCommitted(key);
        }
        return added;
    }

    @Override
    public boolean remove(Object key) {
        return delegate.remove(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return delegate.containsKey(key);
    }

    @Override
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        // no version check here: Axon's aggregate repositories never call it; kept consistent with put
        delegate.<Object>computeIfPresent(key, held -> {
            @SuppressWarnings("unchecked")
            V current = (V) (held instanceof Versioned versioned ? versioned.entry() : held);
            V updated = update.apply(current);
            return updated == null ? null : versioned(updated);
        });
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        return delegate.registerCacheEntryListener(cacheEntryListener);
    }

    /** The value with its version, or null when it has none to check (then it is not cached at all). */
    private static Object versioned(Object value) {
        if (!(value instanceof AggregateCacheEntry<?> entry)) {
            return value;
        }
        Long version = versionOf(entry);
        return version == null ? null : new Versioned(entry, version);
    }

    /**
     * The version of a freshly built entry. Axon keeps the entry's version private; the entry hands back the aggregate
     * it was made from (still held, as it is put right after the aggregate was saved) without using its arguments.
     */
    private static Long versionOf(AggregateCacheEntry<?> entry) {
        try {
            EventSourcedAggregate<?> aggregate = entry.recreateAggregate(null, null, null, null);
            return aggregate == null ? null : aggregate.version();
        } catch (RuntimeException notHeldAnyMore) {
            return null;
        }
    }

    private void evictUnlessCommitted(Object key) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    delegate.remove(key);
                }
            }
        });
    }
}
