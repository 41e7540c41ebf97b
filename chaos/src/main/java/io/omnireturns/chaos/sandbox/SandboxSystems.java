package io.omnireturns.chaos.sandbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.command.connectors.carrier.LabelRequest;
import io.omnireturns.command.connectors.carrier.SandboxCarrier;
import io.omnireturns.command.connectors.common.ConnectorException;
import io.omnireturns.command.connectors.common.SandboxBehaviour;
import io.omnireturns.command.connectors.crm.CaseRequest;
import io.omnireturns.command.connectors.crm.CustomerNotification;
import io.omnireturns.command.connectors.crm.SandboxCrm;
import io.omnireturns.command.connectors.erp.CreditMemoReceipt;
import io.omnireturns.command.connectors.erp.CreditMemoRequest;
import io.omnireturns.command.connectors.erp.InventoryAdjustmentRequest;
import io.omnireturns.command.connectors.erp.SandboxErp;
import io.omnireturns.command.connectors.fraud.FraudCheck;
import io.omnireturns.command.connectors.fraud.SandboxFraudScoring;
import io.omnireturns.command.connectors.loyalty.PointsReversal;
import io.omnireturns.command.connectors.loyalty.PointsReversalRequest;
import io.omnireturns.command.connectors.loyalty.SandboxLoyalty;
import io.omnireturns.command.connectors.orders.ReplacementRequest;
import io.omnireturns.command.connectors.orders.SandboxOrderSystem;
import io.omnireturns.command.connectors.payments.RefundInstruction;
import io.omnireturns.command.connectors.payments.RefundReceipt;
import io.omnireturns.command.connectors.payments.SandboxPaymentGateway;
import io.omnireturns.command.connectors.warehouse.ReceiptAdvice;
import io.omnireturns.command.connectors.warehouse.SandboxWarehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The in-process sandboxes of the command side (order system, fraud scoring, carrier, warehouse, payment gateway,
 * ERP, CRM, loyalty) in a process of their own, behind the HTTP contract the HTTP adapters speak
 * (docs/connectors.md): {@code <base>/<connector>/<path>}, JSON both ways, a repeated idempotency key answers its
 * first result. A node pointed at it with {@code omnireturns.connectors.<name>.mode=http} and
 * {@code base-url=<base>/<name>} can die without taking the gateway's or the ERP's books with it.
 *
 * <p>Beside the contract: {@code GET /_books} (refunds, credit memos, stock movements, replacement orders),
 * {@code GET /_calls} (every call: when, who, which key, what was answered), {@code GET|POST /_faults} (latency and
 * failure rate per connector, {@code POST /_faults?connector=erp&latencyMs=2000&failureRate=0.3}) and
 * {@code GET /_health}.
 */
public final class SandboxSystems implements AutoCloseable {

    /** Copies of the demo orders under this prefix: {@code CHAOS-1001-<anything>} (see DemoOrders). */
    public static final String ORDER_PREFIX = "CHAOS-";

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private final SandboxOrderSystem orders;
    private final SandboxFraudScoring fraud;
    private final SandboxCarrier carrier;
    private final SandboxWarehouse warehouse;
    private final SandboxPaymentGateway payments;
    private final SandboxErp erp;
    private final SandboxCrm crm;
    private final SandboxLoyalty loyalty;
    private final Faults faults;
    private final CallLog calls = new CallLog();
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(48, runnable -> {
        Thread thread = new Thread(runnable, "sandbox-systems");
        thread.setDaemon(true);
        return thread;
    });

    private SandboxSystems(HttpServer server, long seed) {
        Clock clock = Clock.systemUTC();
        // faults come from Faults (changeable at run time), so every sandbox itself answers at once and never fails
        this.orders = new SandboxOrderSystem(SandboxBehaviour.immediate(ExternalSystem.ORDER), clock, ORDER_PREFIX);
        this.fraud = new SandboxFraudScoring(SandboxBehaviour.immediate(ExternalSystem.FRAUD), clock);
        this.carrier = new SandboxCarrier(SandboxBehaviour.immediate(ExternalSystem.CARRIER), clock);
        this.warehouse = new SandboxWarehouse(SandboxBehaviour.immediate(ExternalSystem.WAREHOUSE), clock);
        this.payments = new SandboxPaymentGateway(SandboxBehaviour.immediate(ExternalSystem.PAYMENT), clock,
                orders::registered);
        this.erp = new SandboxErp(SandboxBehaviour.immediate(ExternalSystem.ERP_CREDIT_MEMO), clock);
        this.crm = new SandboxCrm(SandboxBehaviour.immediate(ExternalSystem.CRM), clock);
        this.loyalty = new SandboxLoyalty(SandboxBehaviour.immediate(ExternalSystem.LOYALTY), clock);
        this.faults = new Faults(seed);
        this.server = server;
        server.createContext("/", this::handle);
        server.setExecutor(threads);
    }

    /** Listens on {@code port} (0: a free one) of the loopback interface. */
    public static SandboxSystems start(int port, long seed) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 200);
        SandboxSystems systems = new SandboxSystems(server, seed);
        server.start();
        return systems;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.startsWith("/_")) {
                admin(exchange, method, path);
                return;
            }
            int slash = path.indexOf('/', 1);
            if (slash < 0) {
                send(exchange, 404, problem("NOT_FOUND", "no connector path " + path));
                return;
            }
            String connector = path.substring(1, slash);
            String operation = path.substring(slash);
            byte[] body = read(exchange.getRequestBody());
            JsonNode json = body.length == 0 ? JSON.nullNode() : JSON.readTree(body);
            String caller = caller(exchange);
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            String returnId = json.path("returnId").asText(null);
            long started = System.currentTimeMillis();
            int status;
            Object answer;
            try {
                Faults.Outcome outcome = faults.next(connector);
                Optional<Object> result = outcome == Faults.Outcome.FAIL_BEFORE ? Optional.empty()
                        : dispatch(connector, method, operation, json);
                if (outcome == Faults.Outcome.FAIL_BEFORE) {
                    status = 503;
                    answer = problem("CHAOS_FAULT", "injected failure before the effect");
                } else if (result.isEmpty()) {
                    status = 404;
                    answer = problem("NOT_FOUND", method + " " + path + " is not part of the contract");
                } else if (outcome == Faults.Outcome.FAIL_AFTER) {
                    status = 503;
                    answer = problem("CHAOS_FAULT", "injected failure after the effect: the answer is lost");
                } else {
                    status = result.get() == NOT_FOUND ? 404 : 200;
                    answer = result.get() == NOT_FOUND ? problem("ORDER_NOT_FOUND", "unknown order") : result.get();
                }
            } catch (ConnectorException refused) {
                status = refused.retryable() ? 503 : "IDEMPOTENCY_CONFLICT".equals(refused.code()) ? 409 : 422;
                answer = problem(refused.code(), refused.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                status = 503;
                answer = problem("INTERRUPTED", "shutting down");
            } catch (RuntimeException broken) {
                status = 400;
                answer = problem("INVALID_REQUEST", String.valueOf(broken.getMessage()));
            }
            calls.add(new CallLog.Call(started, System.currentTimeMillis() - started, caller, connector,
                    method + " " + operation, key, returnId, status));
            send(exchange, status, answer);
        } catch (IOException | RuntimeException unreadable) {
            sendQuietly(exchange, 400, problem("INVALID_REQUEST", String.valueOf(unreadable.getMessage())));
        }
    }

    private static final Object NOT_FOUND = new Object();

    private Optional<Object> dispatch(String connector, String method, String operation, JsonNode json)
            throws IOException {
        String route = connector + " " + method + " " + (operation.startsWith("/orders/") ? "/orders/{id}" : operation);
        Object answer = switch (route) {
            case "orders GET /orders/{id}" -> orders.findOrder(URLDecoder.decode(
                    operation.substring("/orders/".length()), StandardCharsets.UTF_8)).map(o -> (Object) o)
                    .orElse(NOT_FOUND);
            case "orders POST /replacement-orders" ->
                    Map.of("orderId", orders.createReplacementOrder(read(json, ReplacementRequest.class)));
            case "fraud POST /assessments" -> fraud.assess(read(json, FraudCheck.class));
            case "carrier POST /return-labels" -> carrier.issueLabel(read(json, LabelRequest.class));
            case "warehouse POST /receipt-advices" ->
                    Map.of("adviceReference", warehouse.adviseExpectedReceipt(read(json, ReceiptAdvice.class)));
            case "payments POST /refunds" -> {
                RefundReceipt receipt = payments.refund(read(json, RefundInstruction.class));
                // settled at once: the HTTP adapter turns SETTLED into a settled refund, no webhook needed
                yield Map.of("gatewayReference", receipt.gatewayReference(), "amount", receipt.amount(),
                        "status", receipt.settled() ? "SETTLED" : "PENDING");
            }
            case "erp POST /credit-memos" -> {
                CreditMemoReceipt receipt = erp.postCreditMemo(read(json, CreditMemoRequest.class));
                yield Map.of("documentNumber", receipt.documentNumber(), "amount", receipt.amount());
            }
            case "erp POST /inventory-movements" ->
                    Map.of("movementId", erp.adjustInventory(read(json, InventoryAdjustmentRequest.class)).movementId());
            case "crm POST /notifications" ->
                    Map.of("messageId", crm.notifyCustomer(read(json, CustomerNotification.class)));
            case "crm POST /cases" -> Map.of("caseId", crm.openCase(read(json, CaseRequest.class)));
            case "loyalty POST /point-reversals" -> {
                PointsReversal reversal = loyalty.reversePoints(read(json, PointsReversalRequest.class));
                yield Map.of("reference", reversal.reference(), "pointsReversed", reversal.pointsReversed());
            }
            default -> null;
        };
        return Optional.ofNullable(answer);
    }

    private void admin(HttpExchange exchange, String method, String path) throws IOException {
        switch (method + " " + path) {
            case "GET /_health" -> send(exchange, 200, Map.of("status", "UP"));
            case "GET /_books" -> send(exchange, 200, books());
            case "GET /_calls" -> send(exchange, 200, calls.all());
            case "GET /_faults" -> send(exchange, 200, faults.all());
            case "POST /_faults" -> {
                Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
                String connector = query.get("connector");
                if (connector == null) {
                    send(exchange, 400, problem("CONNECTOR_REQUIRED", "?connector=<name> is required"));
                    return;
                }
                Faults.Fault before = faults.of(connector);
                Faults.Fault fault = new Faults.Fault(
                        Long.parseLong(query.getOrDefault("latencyMs", String.valueOf(before.latencyMillis()))),
                        Double.parseDouble(query.getOrDefault("failureRate", String.valueOf(before.failureRate()))),
                        Double.parseDouble(query.getOrDefault("afterEffectShare",
                                String.valueOf(before.afterEffectShare()))));
                faults.set(connector, fault);
                send(exchange, 200, faults.all());
            }
            default -> send(exchange, 404, problem("NOT_FOUND", "no " + method + " " + path));
        }
    }

    /** The books where money and stock move: what the invariants are checked against. */
    Map<String, Object> books() {
        Map<String, Object> books = new LinkedHashMap<>();
        books.put("refunds", payments.refunds());
        books.put("creditMemos", erp.creditMemos());
        books.put("stockMovements", erp.stockMovements());
        books.put("replacementOrders", orders.replacementOrders());
        return books;
    }

    private static <T> T read(JsonNode json, Class<T> type) throws IOException {
        return JSON.treeToValue(json, type);
    }

    private static String caller(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return "unknown";
        }
        return authorization.substring("Bearer ".length());
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static Map<String, String> problem(String code, String detail) {
        return Map.of("code", code, "detail", detail);
    }

    private static byte[] read(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type",
                status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sendQuietly(HttpExchange exchange, int status, Object body) {
        try {
            send(exchange, status, body);
        } catch (IOException | RuntimeException ignored) {
            // the caller has gone
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
