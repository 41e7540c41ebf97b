package io.omnireturns.command.integration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The inbound webhooks, {@code omnireturns.integrations.*}. The default secrets are for the demo only: every
 * real deployment sets its own ({@code OMNIRETURNS_INTEGRATIONS_CARRIER_SECRET}, ...).
 *
 * @param carrier         {@code carrier.secret}, default {@code demo-carrier-secret}
 * @param payments        {@code payments.secret}, default {@code demo-payments-secret}
 * @param warehouse       {@code warehouse.secret}, default {@code demo-warehouse-secret}
 * @param sweepInterval   pause between two sweeps over parked messages (read by the {@code @Scheduled} sweep)
 * @param sweepBatchSize  returns looked at per sweep
 * @param retryRounds     passes over a return's parked messages after one of them was applied
 * @param inFlightTimeout a message still being applied after this is presumed abandoned (crash) and taken up again
 */
@ConfigurationProperties(prefix = "omnireturns.integrations")
public record IntegrationProperties(
        Endpoint carrier,
        Endpoint payments,
        Endpoint warehouse,
        @DefaultValue("30s") Duration sweepInterval,
        @DefaultValue("100") int sweepBatchSize,
        @DefaultValue("5") int retryRounds,
        @DefaultValue("2m") Duration inFlightTimeout) {

    public IntegrationProperties {
        carrier = carrier != null ? carrier : new Endpoint("demo-carrier-secret");
        payments = payments != null ? payments : new Endpoint("demo-payments-secret");
        warehouse = warehouse != null ? warehouse : new Endpoint("demo-warehouse-secret");
        if (sweepBatchSize <= 0 || retryRounds <= 0) {
            throw new IllegalArgumentException("omnireturns.integrations.sweep-batch-size and retry-rounds must be positive");
        }
    }

    /** @param secret the shared HMAC-SHA256 key of one system */
    public record Endpoint(String secret) {

        public Endpoint {
            if (secret == null || secret.isBlank()) {
                throw new IllegalArgumentException("an integration secret must not be empty");
            }
        }

        @Override
        public String toString() {
            return "Endpoint[secret=***]"; // never in logs
        }
    }

    Endpoint of(IntegrationSystem system) {
        return switch (system) {
            case CARRIER -> carrier;
            case PAYMENTS -> payments;
            case WAREHOUSE -> warehouse;
        };
    }
}
