package io.omnireturns.chaos.sandbox;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The faults of the sandbox systems, per connector, changed at run time: a latency every call waits, and a failure
 * rate. A failed call answers 503; half of the failures (with {@code afterEffectShare} 0.5) happen after the
 * sandbox has done the work, so the answer is lost but the effect is in the books, as when a gateway times out
 * after paying: only the caller's idempotency key keeps the retry from paying twice.
 */
final class Faults {

    /** One connector's faults. */
    record Fault(long latencyMillis, double failureRate, double afterEffectShare) {

        static final Fault NONE = new Fault(0, 0, 0.5);
    }

    /** Where a call fails, if it does. */
    enum Outcome { PASS, FAIL_BEFORE, FAIL_AFTER }

    private final Map<String, Fault> byConnector = new ConcurrentHashMap<>();
    private final Random random;

    Faults(long seed) {
        this.random = seed == 0 ? new Random() : new Random(seed);
    }

    void set(String connector, Fault fault) {
        byConnector.put(connector, fault);
    }

    Fault of(String connector) {
        return byConnector.getOrDefault(connector, Fault.NONE);
    }

    Map<String, Fault> all() {
        return new TreeMap<>(byConnector);
    }

    /** Waits the connector's latency, then draws whether and where this call fails. */
    Outcome next(String connector) throws InterruptedException {
        Fault fault = of(connector);
        if (fault.latencyMillis() > 0) {
            Thread.sleep(fault.latencyMillis());
        }
        double failure;
        double where;
        synchronized (random) {
            failure = random.nextDouble();
            where = random.nextDouble();
        }
        if (failure >= fault.failureRate()) {
            return Outcome.PASS;
        }
        return where < fault.afterEffectShare() ? Outcome.FAIL_AFTER : Outcome.FAIL_BEFORE;
    }
}
