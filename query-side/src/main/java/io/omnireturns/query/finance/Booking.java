package io.omnireturns.query.finance;

import io.omnireturns.platform.architecture.PlainJava;
import java.util.List;

/** What an event does to a return's ledger: its state afterwards and the postings it books (maybe none). */
@PlainJava
record Booking(LedgerState state, List<Posting> postings) {

    Booking {
        postings = List.copyOf(postings);
    }

    static Booking nothing(LedgerState unchanged) {
        return new Booking(unchanged, List.of());
    }
}
