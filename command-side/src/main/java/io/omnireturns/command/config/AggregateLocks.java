package io.omnireturns.command.config;

import org.axonframework.common.lock.Lock;
import org.axonframework.common.lock.LockFactory;
import org.axonframework.common.lock.PessimisticLockFactory;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

/**
 * The in-memory aggregate locks of both aggregates ({@code @Aggregate(lockFactory = "aggregateLocks")}): Axon's
 * pessimistic locks, which a command holds until its unit of work ends, plus a way to hold every lock a thread takes
 * until a transaction that spans several commands has ended.
 * <p>
 * Why: when several commands share one transaction (a group of outcomes, a return request), each command's unit of work
 * ends, and releases its aggregate's lock, long before the transaction commits. Another thread may then take that
 * lock, append to the aggregate and wait in PostgreSQL for the shared transaction's uncommitted row; if the shared
 * transaction then needs the same aggregate again, it waits for the lock that thread holds: a deadlock PostgreSQL
 * cannot see.
 * Holding the locks until the end, as one unit of work would, turns that into the ordinary wait (and Axon's deadlock
 * detection covers the rest). The locks are reentrant, so the commands inside still take them.
 */
public final class AggregateLocks implements LockFactory {

    private final LockFactory delegate;
    private final ThreadLocal<Deque<Lock>> holding = new ThreadLocal<>();

    public AggregateLocks() {
        this(PessimisticLockFactory.usingDefaults());
    }

    AggregateLocks(LockFactory delegate) {
        this.delegate = delegate;
    }

    @Override
    public Lock obtainLock(String identifier) {
        Lock lock = delegate.obtainLock(identifier);
        Deque<Lock> held = holding.get();
        if (held != null) {
            held.push(delegate.obtainLock(identifier)); // a second hold, released when the whole work is done
        }
        return lock;
    }

    /** Runs {@code work} (which commits or rolls back its transaction) holding every aggregate lock it takes. */
    public <T> T holdingUntilDone(Supplier<T> work) {
        if (holding.get() != null) {
            return work.get(); // already holding for an enclosing piece of work
        }
        Deque<Lock> held = new ArrayDeque<>();
        holding.set(held);
        try {
            return work.get();
        } finally {
            holding.remove();
            while (!held.isEmpty()) {
                held.pop().release();
            }
        }
    }
}
