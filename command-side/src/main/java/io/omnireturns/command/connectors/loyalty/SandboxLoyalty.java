package io.omnireturns.command.connectors.loyalty;

import io.omnireturns.api.error.FailureCode;
import io.omnireturns.api.money.Money;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.command.connectors.common.ConnectorException;
import io.omnireturns.command.connectors.common.SandboxBehaviour;
import io.omnireturns.command.connectors.common.SandboxIdempotency;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loyalty programme in the process where every customer is a member who earned 1 point per whole major unit
 * paid (1 per euro, pound, yen): a refund takes back 1 point per whole major unit refunded, rounded down
 * (10.32 EUR: 10 points). Once per idempotency key; references {@code LOY-RV-000001}, ...
 */
public class SandboxLoyalty implements Loyalty {

    private static final ExternalSystem SYSTEM = ExternalSystem.LOYALTY;

    private final SandboxBehaviour behaviour;
    private final Clock clock;
    private final SandboxIdempotency<PointsReversalRequest, PointsReversal> idempotency =
            new SandboxIdempotency<>(SYSTEM);
    private final ConcurrentLinkedQueue<Reversal> reversals = new ConcurrentLinkedQueue<>();
    private final AtomicLong references = new AtomicLong();

    public SandboxLoyalty(SandboxBehaviour behaviour, Clock clock) {
        this.behaviour = Objects.requireNonNull(behaviour, "behaviour");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public PointsReversal reversePoints(PointsReversalRequest request) {
        behaviour.beforeCall("reversePoints");
        Objects.requireNonNull(request, "request");
        return idempotency.answer(request.idempotencyKey(), request, () -> reverse(request));
    }

    private PointsReversal reverse(PointsReversalRequest request) {
        requireText(request.returnId(), "returnId");
        requireText(request.customerId(), "customerId");
        Money refunded = request.refundedAmount();
        if (refunded == null || refunded.isNegative()) {
            throw new ConnectorException(SYSTEM, FailureCode.INVALID_AMOUNT,
                    "the refunded amount must be zero or more, got " + refunded);
        }
        long points = pointsFor(refunded);
        String reference = "LOY-RV-%06d".formatted(references.incrementAndGet());
        reversals.add(new Reversal(request.idempotencyKey(), reference, request.returnId(), request.customerId(),
                refunded, points, clock.instant()));
        return new PointsReversal(reference, points);
    }

    /** 1 point per whole major unit. */
    static long pointsFor(Money amount) {
        int digits = Math.max(0, Currency.getInstance(amount.currency()).getDefaultFractionDigits());
        return BigDecimal.valueOf(amount.minor(), digits).longValue();
    }

    /** Every reversal made, oldest first; a repeated request adds none. */
    public List<Reversal> reversals() {
        return List.copyOf(reversals);
    }

    /** Points taken back from a customer so far. */
    public long pointsReversedFrom(String customerId) {
        return reversals.stream().filter(r -> r.customerId().equals(customerId)).mapToLong(Reversal::points).sum();
    }

    /** Latency and injected failures; tests make the programme flaky with {@code setFailureRate}. */
    public SandboxBehaviour behaviour() {
        return behaviour;
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new ConnectorException(SYSTEM, FailureCode.INVALID_REQUEST, field + " is required");
        }
    }

    /** One points reversal in the programme's ledger. */
    public record Reversal(String idempotencyKey, String reference, String returnId, String customerId,
                           Money refundedAmount, long points, Instant reversedAt) {
    }
}
