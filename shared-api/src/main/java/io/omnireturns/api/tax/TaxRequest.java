package io.omnireturns.api.tax;

import java.util.List;
import java.util.Objects;

/** What a refund asks the tax service: the tax on each of its taxable lines, in one currency. */
public record TaxRequest(String requestId, String returnId, String currency, List<TaxableLine> lines) {

    public TaxRequest {
        Objects.requireNonNull(currency, "currency");
        lines = List.copyOf(lines);
        for (TaxableLine line : lines) {
            if (!line.amount().currency().equals(currency)) {
                throw new IllegalArgumentException("line " + line.lineId() + " is in " + line.amount().currency()
                        + ", the request in " + currency);
            }
        }
    }

    public java.util.Optional<TaxableLine> line(String lineId) {
        return lines.stream().filter(line -> line.lineId().equals(lineId)).findFirst();
    }
}
