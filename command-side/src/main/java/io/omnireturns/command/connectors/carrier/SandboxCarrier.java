package io.omnireturns.command.connectors.carrier;

import io.omnireturns.api.error.FailureCode;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.command.connectors.common.ConnectorException;
import io.omnireturns.command.connectors.common.SandboxBehaviour;
import io.omnireturns.command.connectors.common.SandboxIdempotency;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A parcel carrier in the process: one return label per idempotency key, tracking numbers
 * {@code SANDBOX-1Z000000001}, {@code SANDBOX-1Z000000002}, ... Its label URLs are on the reserved
 * {@code .invalid} domain: they name a label, they do not serve one.
 */
public class SandboxCarrier implements Carrier {

    public static final String CARRIER_NAME = "SANDBOX-PARCEL";

    private static final ExternalSystem SYSTEM = ExternalSystem.CARRIER;

    private final SandboxBehaviour behaviour;
    private final Clock clock;
    private final SandboxIdempotency<LabelRequest, ReturnLabel> idempotency = new SandboxIdempotency<>(SYSTEM);
    private final ConcurrentLinkedQueue<Label> labels = new ConcurrentLinkedQueue<>();
    private final AtomicLong trackingNumbers = new AtomicLong();

    public SandboxCarrier(SandboxBehaviour behaviour, Clock clock) {
        this.behaviour = Objects.requireNonNull(behaviour, "behaviour");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public ReturnLabel issueLabel(LabelRequest request) {
        behaviour.beforeCall("issueLabel");
        Objects.requireNonNull(request, "request");
        return idempotency.answer(request.idempotencyKey(), request, () -> issue(request));
    }

    private ReturnLabel issue(LabelRequest request) {
        requireText(request.returnId(), "returnId");
        requireText(request.destinationLocationId(), "destinationLocationId");
        if (request.items() <= 0) {
            throw new ConnectorException(SYSTEM, FailureCode.INVALID_REQUEST,
                    "a label is for one item or more, got " + request.items());
        }
        String trackingNumber = "SANDBOX-1Z%09d".formatted(trackingNumbers.incrementAndGet());
        String labelUrl = "https://labels.carrier-sandbox.invalid/" + trackingNumber + ".pdf";
        labels.add(new Label(request.idempotencyKey(), trackingNumber, request.returnId(), request.customerId(),
                request.destinationLocationId(), request.items(), labelUrl, clock.instant()));
        return new ReturnLabel(CARRIER_NAME, trackingNumber, labelUrl);
    }

    /** Every label issued, oldest first; a repeated request adds none. */
    public List<Label> labels() {
        return List.copyOf(labels);
    }

    /** Latency and injected failures; tests make the carrier flaky with {@code setFailureRate}. */
    public SandboxBehaviour behaviour() {
        return behaviour;
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new ConnectorException(SYSTEM, FailureCode.INVALID_REQUEST, field + " is required");
        }
    }

    /** One return label in the carrier's ledger. */
    public record Label(String idempotencyKey, String trackingNumber, String returnId, String customerId,
                        String destinationLocationId, int items, String labelUrl, Instant issuedAt) {
    }
}
