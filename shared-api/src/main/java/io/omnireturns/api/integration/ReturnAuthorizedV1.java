package io.omnireturns.api.integration;

import java.util.List;

/** {@code io.omnireturns.return.authorized.v1}: the return is eligible; per line the quantities authorized. */
public record ReturnAuthorizedV1(String returnId, List<LineEligibility> lines) {

    public ReturnAuthorizedV1 {
        lines = List.copyOf(lines);
    }
}
