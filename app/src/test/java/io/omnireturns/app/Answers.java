package io.omnireturns.app;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.stream.StreamSupport;

/** Reading the service's JSON answers in tests: a quote's options, a finance ledger's entries. */
final class Answers {

    private Answers() {
    }

    /** The quote's option for {@code method} ({@code EXCHANGE}, {@code STORE_CREDIT}, ...). */
    static JsonNode option(JsonNode quote, String method) {
        for (JsonNode option : quote.path("options")) {
            if (method.equals(option.path("method").asText())) {
                return option;
            }
        }
        throw new AssertionError("no option " + method + " in " + quote);
    }

    /** The kinds of a return's ledger entries, in order (the ledger or its {@code entries}). */
    static List<String> kinds(JsonNode ledger) {
        return StreamSupport.stream(entries(ledger).spliterator(), false)
                .map(entry -> entry.path("kind").asText()).toList();
    }

    /** The first ledger entry of {@code kind} (the ledger or its {@code entries}). */
    static JsonNode entry(JsonNode ledger, String kind) {
        for (JsonNode entry : entries(ledger)) {
            if (kind.equals(entry.path("kind").asText())) {
                return entry;
            }
        }
        throw new AssertionError("no " + kind + " entry in " + ledger);
    }

    private static JsonNode entries(JsonNode ledger) {
        return ledger.has("entries") ? ledger.path("entries") : ledger;
    }
}
