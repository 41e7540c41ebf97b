package io.omnireturns.command.connectors.fraud;

public interface FraudScoring {

    FraudAssessment assess(FraudCheck check);
}
