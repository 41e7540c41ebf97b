package io.omnireturns.command.returns.quote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnireturns.platform.axon.AxonInfrastructureConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.Optional;

/** The kept quotes, one row each, in table {@code return_quote}; numbered {@code QUO-000001}, ... */
@Component
class ReturnQuoteStore {

    private static final ObjectMapper JSON = AxonInfrastructureConfiguration.storageObjectMapper();

    private final JdbcTemplate jdbc;

    ReturnQuoteStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    String nextQuoteId() {
        Long number = jdbc.queryForObject("SELECT nextval('return_quote_number_seq')", Long.class);
        return "QUO-%06d".formatted(number);
    }

    void save(StoredQuote stored) {
        var quote = stored.quote();
        jdbc.update("""
                INSERT INTO return_quote (quote_id, order_id, customer_id, quoted_at, valid_until, document)
                VALUES (?, ?, ?, ?, ?, ?)""", quote.quoteId(), quote.orderId(), quote.customerId(),
                Timestamp.from(quote.quotedAt()), Timestamp.from(quote.validUntil()), write(stored));
    }

    /** The quote under this id, expired or not. */
    Optional<StoredQuote> find(String quoteId) {
        return jdbc.query("SELECT document FROM return_quote WHERE quote_id = ?",
                (rs, n) -> read(rs.getString("document")), quoteId).stream().findFirst();
    }

    private static String write(StoredQuote stored) {
        try {
            return JSON.writeValueAsString(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store quote " + stored.quote().quoteId(), e);
        }
    }

    private static StoredQuote read(String document) {
        try {
            return JSON.readValue(document, StoredQuote.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored quote is unreadable", e);
        }
    }
}
