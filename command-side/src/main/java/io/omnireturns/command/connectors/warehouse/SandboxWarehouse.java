package io.omnireturns.command.connectors.warehouse;

import io.omnireturns.api.error.FailureCode;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.command.connectors.orders.DemoCatalogue;
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
 * A warehouse management system in the process: it takes advance notices of returns due at a location, one per
 * idempotency key, and answers its reference ({@code ASN-000001}, ...). The tracking number may be missing
 * (a return brought to a store has no parcel). Every SKU is in stock ({@link #DEMO_STOCK} units) except the demo
 * catalogue's out-of-stock jacket, unless a test says otherwise ({@link #setStock}).
 */
public class SandboxWarehouse implements Warehouse {


    private static final ExternalSystem SYSTEM = ExternalSystem.WAREHOUSE;

    private final SandboxBehaviour behaviour;
    private final Clock clock;
    private final SandboxIdempotency<ReceiptAdvice, String> idempotency = new SandboxIdempotency<>(SYSTEM);
    private final ConcurrentLinkedQueue<Advice> advices = new ConcurrentLinkedQueue<>();
    private final AtomicLong references = new AtomicLong();
    private final java.util.Map<String, Integer> stock = new java.util.concurrent.ConcurrentHashMap<>();
    /** Units of every SKU the demo catalogue sells, unless set otherwise; see docs/demo-data.md. */
    public static final int DEMO_STOCK = 25;

    public SandboxWarehouse(SandboxBehaviour behaviour, Clock clock) {
        this.behaviour = Objects.requireNonNull(behaviour, "behaviour");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String adviseExpectedReceipt(ReceiptAdvice advice) {
        behaviour.beforeCall("adviseExpectedReceipt");
        Objects.requireNonNull(advice, "advice");
        return idempotency.answer(advice.idempotencyKey(), advice, () -> record(advice));
    }

    private String record(ReceiptAdvice advice) {
        requireText(advice.returnId(), "returnId");
        requireText(advice.locationId(), "locationId");
        if (advice.items().isEmpty()) {
            throw invalid("an advice expects at least one item");
        }
        for (ReceiptAdvice.ExpectedItem item : advice.items()) {
            requireText(item.orderLineId(), "orderLineId");
            requireText(item.sku(), "sku");
            if (item.quantity() <= 0) {
                throw invalid("expected quantity of " + item.orderLineId() + " must be positive, got "
                        + item.quantity());
            }
        }
        String reference = "ASN-%06d".formatted(references.incrementAndGet());
        advices.add(new Advice(advice.idempotencyKey(), reference, advice.returnId(), advice.locationId(),
                advice.trackingNumber(), advice.items(), clock.instant()));
        return reference;
    }

    @Override
    public int availableStock(String sku) {
        behaviour.beforeCall("availableStock");
        if (sku == null) {
            return 0;
        }
        return stock.getOrDefault(sku, DemoCatalogue.OUT_OF_STOCK_JACKET_SKU.equals(sku) ? 0 : DEMO_STOCK);
    }

    /** Sets the units of a SKU available (tests run a replacement out of stock). */
    public void setStock(String sku, int units) {
        stock.put(sku, units);
    }

    /** Every advice taken, oldest first; a repeated request adds none. */
    public List<Advice> advices() {
        return List.copyOf(advices);
    }

    /** Latency and injected failures; tests make the warehouse flaky with {@code setFailureRate}. */
    public SandboxBehaviour behaviour() {
        return behaviour;
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw invalid(field + " is required");
        }
    }

    private static ConnectorException invalid(String message) {
        return new ConnectorException(SYSTEM, FailureCode.INVALID_REQUEST, message);
    }

    /** One advance notice in the warehouse's ledger. */
    public record Advice(String idempotencyKey, String reference, String returnId, String locationId,
                         String trackingNumber, List<ReceiptAdvice.ExpectedItem> items, Instant advisedAt) {

        public Advice {
            items = List.copyOf(items);
        }
    }
}
