package io.omnireturns.chaos.check;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The sandbox systems' books, read over HTTP: where money and stock actually moved. */
public record Books(JsonNode json) {

    public List<JsonNode> refunds() {
        return list("refunds");
    }

    public List<JsonNode> creditMemos() {
        return list("creditMemos");
    }

    public List<JsonNode> stockMovements() {
        return list("stockMovements");
    }

    public List<JsonNode> replacementOrders() {
        return list("replacementOrders");
    }

    public static Map<String, Long> countBy(List<JsonNode> entries, java.util.function.Function<JsonNode, String> key) {
        return entries.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    }

    /** Sum of the refunds' amounts per currency, in minor units. */
    public Map<String, Long> refundTotals() {
        Map<String, Long> totals = new TreeMap<>();
        for (JsonNode refund : refunds()) {
            totals.merge(refund.path("amount").path("currency").asText(), refund.path("amount").path("minor").asLong(),
                    Long::sum);
        }
        return totals;
    }

    private List<JsonNode> list(String name) {
        List<JsonNode> entries = new ArrayList<>();
        json.path(name).forEach(entries::add);
        return entries;
    }
}
