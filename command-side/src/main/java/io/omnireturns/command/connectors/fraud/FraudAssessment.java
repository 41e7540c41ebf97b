package io.omnireturns.command.connectors.fraud;

import java.util.List;

/** Score 0..100; {@code reviewRequired}: a person must look before the return goes on. */
public record FraudAssessment(int score, boolean reviewRequired, List<String> signals) {

    public FraudAssessment {
        signals = List.copyOf(signals);
    }
}
