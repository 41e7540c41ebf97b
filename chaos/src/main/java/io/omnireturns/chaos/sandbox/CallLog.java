package io.omnireturns.chaos.sandbox;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Every call the sandbox systems answered: who asked (the node, by its api key), which key, what was answered. */
final class CallLog {

    /**
     * @param atMillis       when the call arrived (epoch milliseconds)
     * @param durationMillis how long its answer took, injected latency included
     * @param caller         the node that called ({@code Authorization: Bearer <node>})
     * @param key            the {@code Idempotency-Key} header (fraud scoring sends none)
     * @param returnId       the body's return id, when it has one
     * @param status         the HTTP status answered
     */
    record Call(long atMillis, long durationMillis, String caller, String connector, String operation, String key,
                String returnId, int status) {
    }

    private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();

    void add(Call call) {
        calls.add(call);
    }

    List<Call> all() {
        return List.copyOf(calls);
    }
}
