package io.omnireturns.api.ledger;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** The answer for one line: how many were asked, how many were left before, how many are now held for the return. */
public record QuantityReservation(String orderLineId, int requested, int remainingBefore, int reserved) {

    @JsonIgnore
    public boolean isGranted() {
        return reserved == requested && requested > 0;
    }
}
