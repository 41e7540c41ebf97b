package io.omnireturns.bench.scale;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Real returns, run through the service's REST API against its sandbox connectors, whose stored events become the
 * generator's templates: the generator then writes exactly what the service wrote, with other ids and times.
 * <p>
 * Three lives of a return: a web return of two lines to {@code COMPLETED} (label, warehouse, refund, credit memo,
 * stock, loyalty, notifications), a store return inspected at the counter to {@code COMPLETED}, and a web return
 * rejected because the order is past its return window.
 */
final class TemplateCapture {

    /** How the captured returns weigh in the generated mix. */
    private static final double WEB_SHARE = 0.6;
    private static final double STORE_SHARE = 0.3;
    private static final double REJECTED_SHARE = 0.1;

    private static final String CAPTURE_USER = "admin";

    private TemplateCapture() {
    }

    static List<ReturnTemplate> capture(ServiceProcess service, ScaleSettings settings, int postgresPort) {
        // the capture plays the channel, the POS and the warehouse at once: only the demo admin may do all three
        String user = CAPTURE_USER;
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String web = request(service, user, "scale-web-" + tag, """
                {"orderId":"ORD-1001","channel":"WEB","lines":[
                 {"orderLineId":"ORD-1001-L1","quantity":1,"reason":"SIZE_OR_FIT"},
                 {"orderLineId":"ORD-1001-L3","quantity":2,"reason":"DEFECTIVE"}]}""");
        String store = request(service, user, "scale-pos-" + tag, """
                {"orderId":"ORD-1002","channel":"STORE","storeId":"STORE-001",
                 "lines":[{"orderLineId":"ORD-1002-L1","quantity":1,"reason":"CHANGED_MIND"}]}""");
        String rejected = request(service, user, "scale-rejected-" + tag, """
                {"orderId":"ORD-1004","channel":"WEB","lines":[
                 {"orderLineId":"ORD-1004-L1","quantity":1,"reason":"SIZE_OR_FIT"}]}""");
        awaitEvents(service, settings, web, "WarehouseAdvised");
        service.json(service.post("/api/v1/returns/" + web + "/receipts", user, """
                {"receiptId":"RCPT-1","locationId":"DC-EAST","lines":[
                 {"orderLineId":"ORD-1001-L1","quantity":1},{"orderLineId":"ORD-1001-L3","quantity":2}]}"""));
        service.json(service.post("/api/v1/returns/" + web + "/inspections", user, """
                {"inspectionId":"INSP-1","lines":[
                 {"orderLineId":"ORD-1001-L1","acceptedQuantity":1,"rejectedQuantity":0,"grade":"NEW","disposition":"RESTOCK"},
                 {"orderLineId":"ORD-1001-L3","acceptedQuantity":2,"rejectedQuantity":0,"grade":"DAMAGED",
                  "disposition":"RETURN_TO_VENDOR"}]}"""));
        service.json(service.post("/api/v1/returns/" + store + "/receipts", user, """
                {"receiptId":"POS-RCPT-1","locationId":"STORE-001","lines":[{"orderLineId":"ORD-1002-L1","quantity":1}]}"""));
        service.json(service.post("/api/v1/returns/" + store + "/inspections", user, """
                {"inspectionId":"POS-INSP-1","lines":[{"orderLineId":"ORD-1002-L1","acceptedQuantity":1,
                 "rejectedQuantity":0,"grade":"LIKE_NEW","disposition":"RESTOCK"}]}"""));
        for (String id : List.of(web, store, rejected)) {
            awaitSettled(service, settings, id);
        }
        String url = "jdbc:postgresql://localhost:" + postgresPort + "/omnireturns";
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres")) {
            return List.of(
                    template("web-completed", WEB_SHARE, web, connection),
                    template("store-completed", STORE_SHARE, store, connection),
                    template("web-rejected", REJECTED_SHARE, rejected, connection));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the captured events", e);
        }
    }

    private static String request(ServiceProcess service, String user, String idempotencyKey, String body) {
        JsonNode answer = service.json(service.post("/api/v1/returns", user, body)
                .header("Idempotency-Key", idempotencyKey).header("X-Actor", "scale-benchmark"));
        return answer.get("returnId").asText();
    }

    private static void awaitEvents(ServiceProcess service, ScaleSettings settings, String returnId, String eventType) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (history(service, settings, returnId).toString().contains("\"" + eventType + "\"")) {
                return;
            }
            ServiceProcess.sleep(200);
        }
        throw new IllegalStateException("return " + returnId + " never had a " + eventType);
    }

    /** Until the return is in a final state and its history has not grown for two seconds. */
    private static void awaitSettled(ServiceProcess service, ScaleSettings settings, String returnId) {
        long deadline = System.nanoTime() + 120_000_000_000L;
        int lastSize = -1;
        long stableSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            JsonNode view = service.json(service.get("/api/v1/returns/" + returnId, settings.readerUser()));
            String status = view.get("status").asText();
            int size = history(service, settings, returnId).get("events").size();
            if (size != lastSize) {
                lastSize = size;
                stableSince = System.nanoTime();
            } else if ((status.equals("COMPLETED") || status.equals("REJECTED"))
                    && System.nanoTime() - stableSince > 2_000_000_000L) {
                return;
            }
            ServiceProcess.sleep(250);
        }
        throw new IllegalStateException("return " + returnId + " did not settle");
    }

    static JsonNode history(ServiceProcess service, ScaleSettings settings, String returnId) {
        return service.json(service.get("/api/v1/returns/" + returnId + "/history", settings.auditorUser()));
    }

    /** The return's own events and the order ledger's events it caused, in the order the store holds them. */
    private static ReturnTemplate template(String name, double share, String returnId, Connection connection)
            throws SQLException {
        List<StoredRow> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT aggregateidentifier, sequencenumber, type, eventidentifier, metadata, payload, payloadrevision,
                       payloadtype, timestamp
                  FROM domainevententry
                 WHERE aggregateidentifier = ?
                    OR (type = 'OrderLedgerAggregate' AND position(convert_to(?, 'UTF8') in payload) > 0)
                 ORDER BY globalindex""")) {
            select.setString(1, returnId);
            select.setString(2, "\"returnId\":\"" + returnId + "\"");
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new StoredRow(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            new String(rs.getBytes(5), StandardCharsets.UTF_8),
                            new String(rs.getBytes(6), StandardCharsets.UTF_8), rs.getString(7), rs.getString(8),
                            rs.getString(9)));
                }
            }
        }
        Progress.say("captured " + name + ": return " + returnId + ", " + rows.size() + " events");
        return ReturnTemplate.compile(name, share, returnId, rows);
    }

    /** One row of {@code domainevententry} as the service stored it. */
    record StoredRow(String aggregateIdentifier, long sequenceNumber, String type, String eventIdentifier,
                     String metadata, String payload, String payloadRevision, String payloadType, String timestamp) {
    }
}
