package io.omnireturns.command.connectors.common;

import io.omnireturns.api.error.FailureCode;
import io.omnireturns.api.returns.ExternalSystem;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The idempotency a real system gives its writes, for the sandboxes: the first request with a key takes effect
 * once; the same request again answers the first answer and changes nothing; another request under a key already
 * used is refused ({@code IDEMPOTENCY_CONFLICT}, not retryable), as Stripe-style APIs do.
 *
 * <p>Writes of one sandbox run one at a time, so a check against the sandbox's ledger (e.g. what is left to
 * refund on a tender) and the entry it allows cannot interleave with another write. A rejected write records
 * nothing: asking again with the same key and a corrected request is allowed.
 *
 * @param <Q> the request
 * @param <A> the answer
 */
public final class SandboxIdempotency<Q, A> {

    private final ExternalSystem system;
    private final Map<String, Recorded<Q, A>> byKey = new HashMap<>();

    public SandboxIdempotency(ExternalSystem system) {
        this.system = system;
    }

    /** The earlier answer for a repeated request, or {@code firstTime}'s answer, recorded under the key. */
    public synchronized A answer(String idempotencyKey, Q request, Supplier<A> firstTime) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new ConnectorException(system, FailureCode.IDEMPOTENCY_KEY_MISSING,
                    "every write needs an idempotency key");
        }
        Recorded<Q, A> earlier = byKey.get(idempotencyKey);
        if (earlier != null) {
            if (earlier.request().equals(request)) {
                return earlier.answer();
            }
            throw new ConnectorException(system, FailureCode.IDEMPOTENCY_CONFLICT,
                    "idempotency key " + idempotencyKey + " was already used for another request");
        }
        A answer = firstTime.get();
        byKey.put(idempotencyKey, new Recorded<>(request, answer));
        return answer;
    }

    private record Recorded<Q, A>(Q request, A answer) {
    }
}
