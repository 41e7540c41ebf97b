package io.omnireturns.chaos.check;

import com.fasterxml.jackson.databind.JsonNode;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The invariants, from the event store (SQL), the status view and finance ledger tables, and the sandbox systems'
 * books: what the sides say happened against where money and stock actually moved.
 */
public final class Invariants {

    /** A return's status in the status view. */
    public record Status(String status, String holdReason) {
    }

    private final StoredEvents events;
    private final Books books;
    private final Map<String, Status> statuses;
    private final Map<String, Long> ledgerTotal;

    private Invariants(StoredEvents events, Books books, Map<String, Status> statuses, Map<String, Long> ledgerTotal) {
        this.events = events;
        this.books = books;
        this.statuses = statuses;
        this.ledgerTotal = ledgerTotal;
    }

    public static Invariants read(Connection connection, Books books) throws SQLException {
        return new Invariants(StoredEvents.read(connection), books, statuses(connection), ledgerTotal(connection));
    }

    public static Map<String, Status> statuses(Connection connection) throws SQLException {
        Map<String, Status> statuses = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT return_id, status, hold_reason FROM return_status_view")) {
            while (rows.next()) {
                statuses.put(rows.getString(1), new Status(rows.getString(2), rows.getString(3)));
            }
        }
        return statuses;
    }

    /** The finance ledger's refunds (REFUND bookings, one per tender part), per currency. */
    public static Map<String, Long> ledgerTotal(Connection connection) throws SQLException {
        Map<String, Long> totals = new TreeMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT currency, SUM(amount_minor) FROM finance_entry "
                     + "WHERE kind = 'REFUND' GROUP BY currency")) {
            while (rows.next()) {
                totals.put(rows.getString(1).trim(), rows.getLong(2));
            }
        }
        return totals;
    }

    public StoredEvents events() {
        return events;
    }

    public List<String> returnIds() {
        return events.ofType("ReturnRequested").stream().map(StoredEvents.Event::returnId).distinct().toList();
    }

    /** Returns not yet COMPLETED nor ON_HOLD with a reason, by status (MISSING_FROM_VIEW: no row yet). */
    public Map<String, Integer> stuck() {
        Map<String, Integer> stuck = new TreeMap<>();
        for (String returnId : returnIds()) {
            Status status = statuses.get(returnId);
            String state = status == null ? "MISSING_FROM_VIEW" : status.status();
            boolean settled = "COMPLETED".equals(state) || ("ON_HOLD".equals(state) && status.holdReason() != null);
            if (!settled) {
                stuck.merge(state, 1, Integer::sum);
            }
        }
        return stuck;
    }

    public int count(String status) {
        return (int) returnIds().stream().filter(id -> statuses.containsKey(id)
                && status.equals(statuses.get(id).status())).count();
    }

    public List<String> doubleRefunds() {
        Set<String> twice = new HashSet<>();
        Books.countBy(books.refunds(), refund -> refund.path("returnId").asText())
                .forEach((id, count) -> addIf(twice, id, count > 1));
        Books.countBy(books.refunds(), refund -> refund.path("idempotencyKey").asText())
                .forEach((key, count) -> addIf(twice, key, count > 1));
        events.countByReturn("RefundIssued").forEach((id, count) -> addIf(twice, id, count > 1));
        return sorted(twice);
    }

    public List<String> doublePostings() {
        Set<String> twice = new HashSet<>();
        Books.countBy(books.creditMemos(), memo -> memo.path("returnId").asText())
                .forEach((id, count) -> addIf(twice, id, count > 1));
        Books.countBy(books.stockMovements(), move -> move.path("returnId").asText() + " "
                + move.path("orderLineId").asText()).forEach((id, count) -> addIf(twice, id, count > 1));
        Books.countBy(books.replacementOrders(), order -> order.path("returnId").asText())
                .forEach((id, count) -> addIf(twice, id, count > 1));
        events.countByReturn("CreditMemoPosted").forEach((id, count) -> addIf(twice, id, count > 1));
        Map<String, Long> movesByLine = new HashMap<>();
        for (StoredEvents.Event event : events.ofType("InventoryAdjusted")) {
            movesByLine.merge(event.returnId() + " " + event.payload().path("orderLineId").asText(), 1L, Long::sum);
        }
        movesByLine.forEach((id, count) -> addIf(twice, id, count > 1));
        events.countByReturn("ReplacementOrderCreated").forEach((id, count) -> addIf(twice, id, count > 1));
        return sorted(twice);
    }

    public List<String> refundMismatch() {
        return mismatch(Books.countBy(books.refunds(), refund -> refund.path("returnId").asText()),
                events.countByReturn("RefundIssued"));
    }

    public List<String> postingMismatch() {
        return mismatch(Books.countBy(books.creditMemos(), memo -> memo.path("returnId").asText()),
                events.countByReturn("CreditMemoPosted"));
    }

    /**
     * COMPLETED returns whose books do not hold what their events call for. The approved refund
     * ({@code RefundApproved}, total in minor units) decides: a total above zero calls for exactly one gateway
     * refund (an exchange: none, exactly one replacement order instead) and exactly one credit memo; a zero total
     * (every line rejected at inspection) calls for no refund, no replacement order and no credit memo. A COMPLETED
     * return without exactly one {@code RefundApproved} is missing too.
     */
    public List<String> missing() {
        Map<String, Long> refunds = Books.countBy(books.refunds(), refund -> refund.path("returnId").asText());
        Map<String, Long> memos = Books.countBy(books.creditMemos(), memo -> memo.path("returnId").asText());
        Map<String, Long> replacements = Books.countBy(books.replacementOrders(),
                order -> order.path("returnId").asText());
        Set<String> exchanges = new HashSet<>();
        for (StoredEvents.Event requested : events.ofType("ReturnRequested")) {
            if ("EXCHANGE".equals(requested.payload().path("refundMethod").asText())) {
                exchanges.add(requested.returnId());
            }
        }
        Map<String, Long> approvals = events.countByReturn("RefundApproved");
        Map<String, Long> approvedTotal = new HashMap<>();
        for (StoredEvents.Event approved : events.ofType("RefundApproved")) {
            approvedTotal.put(approved.returnId(), approved.payload().path("breakdown").path("total").path("minor")
                    .asLong());
        }
        List<String> missing = new ArrayList<>();
        for (String returnId : returnIds()) {
            Status status = statuses.get(returnId);
            if (status == null || !"COMPLETED".equals(status.status())) {
                continue;
            }
            if (approvals.getOrDefault(returnId, 0L) != 1) {
                missing.add(returnId);
                continue;
            }
            boolean refunded = approvedTotal.get(returnId) > 0;
            boolean exchange = exchanges.contains(returnId);
            long expectedRefunds = refunded && !exchange ? 1 : 0;
            long expectedReplacements = refunded && exchange ? 1 : 0;
            long expectedMemos = refunded ? 1 : 0;
            if (refunds.getOrDefault(returnId, 0L) != expectedRefunds
                    || replacements.getOrDefault(returnId, 0L) != expectedReplacements
                    || memos.getOrDefault(returnId, 0L) != expectedMemos) {
                missing.add(returnId);
            }
        }
        return missing;
    }

    /** COMPLETED returns whose approved refund was zero (every line rejected at inspection). */
    public int completedWithoutRefund() {
        int count = 0;
        for (StoredEvents.Event approved : events.ofType("RefundApproved")) {
            Status status = statuses.get(approved.returnId());
            if (status != null && "COMPLETED".equals(status.status())
                    && approved.payload().path("breakdown").path("total").path("minor").asLong() == 0) {
                count++;
            }
        }
        return count;
    }

    /** The refunds the events record ({@code RefundIssued}), per currency: what the ledger must have caught up to. */
    public Map<String, Long> eventRefundTotal() {
        Map<String, Long> totals = new TreeMap<>();
        for (StoredEvents.Event issued : events.ofType("RefundIssued")) {
            totals.merge(issued.payload().path("amount").path("currency").asText(),
                    issued.payload().path("amount").path("minor").asLong(), Long::sum);
        }
        return totals;
    }

    /** Returns ON_HOLD although the gateway paid them: the answer was lost and the process gave up on the step. */
    public List<String> paidWhileHeld() {
        List<String> held = new ArrayList<>();
        Map<String, Long> issued = events.countByReturn("RefundIssued");
        for (JsonNode refund : books.refunds()) {
            String returnId = refund.path("returnId").asText();
            Status status = statuses.get(returnId);
            if (status != null && "ON_HOLD".equals(status.status()) && !issued.containsKey(returnId)) {
                held.add(returnId);
            }
        }
        return held;
    }

    public Map<String, Long> gatewayTotal() {
        return books.refundTotals();
    }

    public Map<String, Long> ledgerTotal() {
        return ledgerTotal;
    }

    private static List<String> mismatch(Map<String, Long> books, Map<String, Long> events) {
        Set<String> ids = new HashSet<>(books.keySet());
        ids.addAll(events.keySet());
        List<String> differing = new ArrayList<>();
        for (String id : ids) {
            if (!books.getOrDefault(id, 0L).equals(events.getOrDefault(id, 0L))) {
                differing.add(id);
            }
        }
        differing.sort(null);
        return differing;
    }

    private static void addIf(Set<String> set, String id, boolean condition) {
        if (condition) {
            set.add(id);
        }
    }

    private static List<String> sorted(Set<String> ids) {
        List<String> list = new ArrayList<>(ids);
        list.sort(null);
        return list;
    }

    /** The books as read, for the run's record. */
    public JsonNode booksJson() {
        return books.json();
    }
}
