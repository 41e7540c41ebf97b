package io.omnireturns.command.connectors.orders;

import io.omnireturns.api.error.FailureCode;
import io.omnireturns.api.orders.OrderLine;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.command.connectors.common.ConnectorException;
import io.omnireturns.command.connectors.common.SandboxBehaviour;
import io.omnireturns.command.connectors.common.SandboxIdempotency;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An order system that lives in the process, so the whole return flow works on a fresh machine
 * without a real commerce backend. It starts with the {@link DemoOrders}, dated relative to the
 * clock at start-up, and accepts more orders at run time (tests register their own).
 *
 * <p>Replacement orders of exchanges are placed as a commerce system would: idempotent by key, only
 * for lines of a known order and never for more units than were bought. They are kept in
 * {@link #replacementOrders()} and numbered {@code ORD-R-000001}, {@code ORD-R-000002}, ...
 */
public class SandboxOrderSystem implements OrderSystem {

    private static final ExternalSystem SYSTEM = ExternalSystem.ORDER;

    // Sorted by order id so listings are stable for people and tests.
    private final ConcurrentSkipListMap<String, OrderSnapshot> ordersById = new ConcurrentSkipListMap<>();
    private final SandboxBehaviour behaviour;
    private final Clock clock;
    private final SandboxIdempotency<ReplacementRequest, String> replacements = new SandboxIdempotency<>(SYSTEM);
    private final ConcurrentLinkedQueue<ReplacementOrder> replacementOrders = new ConcurrentLinkedQueue<>();
    private final Map<String, CatalogueItem> catalogue = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicLong replacementNumbers = new AtomicLong();
    // Demo orders by number ("1001"), dated at start-up: the originals that prefixed order ids copy.
    private final Map<String, OrderSnapshot> demoOrdersByNumber = new HashMap<>();
    private final String copyPrefix;

    /** Seeded with the demo orders, placed relative to {@code clock}'s "now"; answers at once, never fails. */
    public SandboxOrderSystem(Clock clock) {
        this(SandboxBehaviour.immediate(SYSTEM), clock);
    }

    /** Seeded with the demo orders, placed relative to {@code clock}'s "now". */
    public SandboxOrderSystem(SandboxBehaviour behaviour, Clock clock) {
        this(behaviour, clock, "");
    }

    /**
     * Seeded with the demo orders; with a non-empty {@code copyPrefix}, also knows an endless supply of copies of
     * them: an order id {@code <copyPrefix><demo number>-<anything>}, say {@code BENCH-1001-42}, is a copy of
     * {@code ORD-1001} under that id (lines {@code BENCH-1001-42-L1}, ...; tenders likewise), the same on every
     * lookup. Copies are derived, never stored, so a load test of millions of returns costs no memory here.
     * For benchmarks and load tests only; off by default.
     */
    public SandboxOrderSystem(SandboxBehaviour behaviour, Clock clock, String copyPrefix) {
        this.behaviour = Objects.requireNonNull(behaviour, "behaviour");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.copyPrefix = copyPrefix == null ? "" : copyPrefix.strip();
        // Whole seconds: the dates read better in JSON and in the demo walkthrough.
        for (OrderSnapshot demo : DemoOrders.all(clock.instant().truncatedTo(ChronoUnit.SECONDS))) {
            register(demo);
            demoOrdersByNumber.put(demo.orderId().substring(demo.orderId().indexOf('-') + 1), demo);
        }
        DemoCatalogue.all().forEach(this::register);
    }

    @Override
    public Optional<OrderSnapshot> findOrder(String orderId) {
        behaviour.beforeCall("findOrder");
        return registered(orderId);
    }

    @Override
    public Optional<OrderContact> findContact(String orderId) {
        behaviour.beforeCall("findContact");
        return registered(orderId).flatMap(order -> DemoOrders.contactOf(order.customerId()));
    }

    @Override
    public List<OrderSnapshot> findOrdersOfCustomer(String customerId) {
        behaviour.beforeCall("findOrdersOfCustomer");
        return ordersById.values().stream().filter(order -> order.customerId().equals(customerId))
                .sorted(java.util.Comparator.comparing(OrderSnapshot::placedAt).reversed()).toList();
    }

    @Override
    public String createReplacementOrder(ReplacementRequest request) {
        behaviour.beforeCall("createReplacementOrder");
        Objects.requireNonNull(request, "request");
        return replacements.answer(request.idempotencyKey(), request, () -> place(request));
    }

    private String place(ReplacementRequest request) {
        requireText(request.returnId(), "returnId");
        OrderSnapshot original = registered(request.originalOrderId())
                .orElseThrow(() -> new ConnectorException(SYSTEM, FailureCode.ORDER_NOT_FOUND,
                        "no order " + request.originalOrderId() + " to replace items of"));
        if (request.items().isEmpty()) {
            throw invalid("a replacement order needs at least one item");
        }
        Map<String, Integer> unitsByLine = new HashMap<>();
        for (ReplacementRequest.Item item : request.items()) {
            requireText(item.replacementSku(), "replacementSku");
            if (item.quantity() <= 0) {
                throw invalid("quantity of " + item.originalOrderLineId() + " must be positive, got "
                        + item.quantity());
            }
            OrderLine line = original.line(item.originalOrderLineId())
                    .orElseThrow(() -> new ConnectorException(SYSTEM, FailureCode.ORDER_LINE_NOT_FOUND,
                            "order " + original.orderId() + " has no line " + item.originalOrderLineId()));
            int units = unitsByLine.merge(line.lineId(), item.quantity(), Integer::sum);
            if (units > line.quantity()) {
                throw new ConnectorException(SYSTEM, FailureCode.QUANTITY_EXCEEDS_ORDER, "cannot replace " + units
                        + " units of " + line.lineId() + ": only " + line.quantity() + " were bought");
            }
        }
        String orderId = "ORD-R-%06d".formatted(replacementNumbers.incrementAndGet());
        replacementOrders.add(new ReplacementOrder(request.idempotencyKey(), orderId, request.returnId(),
                original.orderId(), request.customerId(), request.items(), clock.instant()));
        return orderId;
    }

    @Override
    public Optional<CatalogueItem> catalogueItem(String sku) {
        behaviour.beforeCall("catalogueItem");
        return sku == null ? Optional.empty() : Optional.ofNullable(catalogue.get(sku));
    }

    /** Adds a product to the catalogue, or reprices the one with the same SKU. */
    public void register(CatalogueItem item) {
        Objects.requireNonNull(item, "item");
        catalogue.put(item.sku(), item);
    }

    /** Adds an order, or replaces the one with the same id (so a test can reshape a demo order). */
    public void register(OrderSnapshot order) {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(order.orderId(), "order.orderId");
        ordersById.put(order.orderId(), order);
    }

    /**
     * The order as registered, without the latency and failures of a remote call: how other sandboxes (the
     * payment gateway checking what was captured) see the same orders.
     */
    public Optional<OrderSnapshot> registered(String orderId) {
        if (orderId == null) {
            return Optional.empty();
        }
        OrderSnapshot order = ordersById.get(orderId);
        return order != null ? Optional.of(order) : copyOfDemoOrder(orderId);
    }

    /** {@code <copyPrefix><demo number>-<suffix>}: a copy of that demo order under the asked id, else nothing. */
    private Optional<OrderSnapshot> copyOfDemoOrder(String orderId) {
        if (copyPrefix.isEmpty() || !orderId.startsWith(copyPrefix)) {
            return Optional.empty();
        }
        String rest = orderId.substring(copyPrefix.length());
        int dash = rest.indexOf('-');
        if (dash <= 0 || dash == rest.length() - 1) {
            return Optional.empty();
        }
        return Optional.ofNullable(demoOrdersByNumber.get(rest.substring(0, dash)))
                .map(demo -> DemoOrders.copyUnder(demo, orderId));
    }

    /** Every order the sandbox knows, by order id. */
    public List<OrderSnapshot> all() {
        return List.copyOf(ordersById.values());
    }

    /** Every replacement order placed, oldest first; a repeated request adds none. */
    public List<ReplacementOrder> replacementOrders() {
        return List.copyOf(replacementOrders);
    }

    /** Latency and injected failures; tests make the order system flaky with {@code setFailureRate}. */
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

    /** A replacement order as the order system placed it. */
    public record ReplacementOrder(String idempotencyKey, String orderId, String returnId, String originalOrderId,
                                   String customerId, List<ReplacementRequest.Item> items, Instant placedAt) {

        public ReplacementOrder {
            items = List.copyOf(items);
        }
    }
}
