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
 * (10.32 EUR: 10 points). Points reversed for a return can be given back, never more than were reversed for it
 * ({@code POINTS_EXCEED_REVERSED}). Once per idempotency key; references {@code LOY-RV-000001}, ... and
 * {@code LOY-RS-000001}, ...
 */
public class SandboxLoyalty implements Loyalty {

    private static final ExternalSystem SYSTEM = ExternalSystem.LOYALTY;

    private final SandboxBehaviour behaviour;
    private final Clock clock;
    private final SandboxIdempotency<PointsReversalRequest, PointsReversal> idempotency =
            new SandboxIdempotency<>(SYSTEM);
    private final SandboxIdempotency<PointsRestoreRequest, PointsRestoration> restoreIdempotency =
            new SandboxIdempotency<>(SYSTEM);
    private final ConcurrentLinkedQueue<Reversal> reversals = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Restoration> restorations = new ConcurrentLinkedQueue<>();
    private final AtomicLong references = new AtomicLong();
    private final AtomicLong restoreReferences = new AtomicLong();
    /** Reversals and restorations of the programme's ledger, one at a time (each has its own idempotency). */
    private final Object ledger = new Object();

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

    @Override
    public PointsRestoration restorePoints(PointsRestoreRequest request) {
        behaviour.beforeCall("restorePoints");
        Objects.requireNonNull(request, "request");
        return restoreIdempotency.answer(request.idempotencyKey(), request, () -> restore(request));
    }

    private PointsRestoration restore(PointsRestoreRequest request) {
        requireText(request.returnId(), "returnId");
        requireText(request.customerId(), "customerId");
        if (request.points() <= 0) {
            throw new ConnectorException(SYSTEM, FailureCode.INVALID_REQUEST,
                    "points to restore must be positive, got " + request.points());
        }
        synchronized (ledger) {
            long reversed = reversals.stream().filter(r -> r.returnId().equals(request.returnId()))
                    .mapToLong(Reversal::points).sum();
            long restored = pointsRestoredFor(request.returnId());
            if (restored + request.points() > reversed) {
                throw new ConnectorException(SYSTEM, FailureCode.POINTS_EXCEED_REVERSED, "return "
                        + request.returnId() + " had " + reversed + " point(s) reversed and " + restored
                        + " restored: " + request.points() + " more cannot be given back");
            }
            String reference = "LOY-RS-%06d".formatted(restoreReferences.incrementAndGet());
            restorations.add(new Restoration(request.idempotencyKey(), reference, request.returnId(),
                    request.customerId(), request.points(), clock.instant()));
            return new PointsRestoration(reference, request.points());
        }
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
        synchronized (ledger) {
            String reference = "LOY-RV-%06d".formatted(references.incrementAndGet());
            reversals.add(new Reversal(request.idempotencyKey(), reference, request.returnId(), request.customerId(),
                    refunded, points, clock.instant()));
            return new PointsReversal(reference, points);
        }
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

    /** Every restoration made, oldest first; a repeated request adds none. */
    public List<Restoration> restorations() {
        return List.copyOf(restorations);
    }

    /** Points given back for a return so far. */
    public long pointsRestoredFor(String returnId) {
        return restorations.stream().filter(r -> r.returnId().equals(returnId)).mapToLong(Restoration::points).sum();
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

    /** Points given back in the programme's ledger. */
    public record Restoration(String idempotencyKey, String reference, String returnId, String customerId, long points,
                              Instant restoredAt) {
    }
}
