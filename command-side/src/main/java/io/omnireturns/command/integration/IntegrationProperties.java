package io.omnireturns.command.integration;

import io.omnireturns.platform.webhooks.WebhookSecret;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The inbound webhooks, {@code omnireturns.integrations.*}. The default secrets are for the demo only: every
 * real deployment sets its own ({@code OMNIRETURNS_INTEGRATIONS_CARRIER_SECRET}, ...).
 *
 * @param carrier          {@code carrier.secret} and {@code carrier.previous-secret}; default secret
 *                         {@link #DEMO_CARRIER_SECRET}
 * @param payments         the same for the payment gateway, default {@link #DEMO_PAYMENTS_SECRET}
 * @param warehouse        the same for the warehouse, default {@link #DEMO_WAREHOUSE_SECRET}
 * @param tolerance        how far {@code webhook-timestamp} may be from this server's clock, either way
 * @param sweepInterval    pause between two sweeps over parked messages (read by the {@code @Scheduled} sweep)
 * @param sweepBatchSize   returns looked at per sweep
 * @param retryRounds      passes over a return's parked messages after one of them was applied
 * @param inFlightTimeout  a message still being applied after this is presumed abandoned (crash) and taken up again
 * @param logRetention     applied and rejected messages are deleted from the log this long after they were decided;
 *                         parked and in-flight ones never are. Longer than twice the {@code tolerance}: a webhook
 *                         id is remembered for at least as long as a replay of its signed request would be accepted
 *                         (one stamped a tolerance ahead is accepted until two tolerances after it was decided)
 * @param logPurgeInterval pause between two purges of the log (one node purges: a db-scheduler recurring task)
 */
@ConfigurationProperties(prefix = "omnireturns.integrations")
public record IntegrationProperties(
        Endpoint carrier,
        Endpoint payments,
        Endpoint warehouse,
        @DefaultValue("5m") Duration tolerance,
        @DefaultValue("30s") Duration sweepInterval,
        @DefaultValue("100") int sweepBatchSize,
        @DefaultValue("5") int retryRounds,
        @DefaultValue("2m") Duration inFlightTimeout,
        @DefaultValue("30d") Duration logRetention,
        @DefaultValue("1h") Duration logPurgeInterval) {

    /** {@code whsec_} + base64 of "demo-carrier-secret-not-for-production": anyone who reads the docs can sign with it. */
    public static final String DEMO_CARRIER_SECRET = "whsec_ZGVtby1jYXJyaWVyLXNlY3JldC1ub3QtZm9yLXByb2R1Y3Rpb24=";
    public static final String DEMO_PAYMENTS_SECRET = "whsec_ZGVtby1wYXltZW50cy1zZWNyZXQtbm90LWZvci1wcm9kdWN0aW9u";
    public static final String DEMO_WAREHOUSE_SECRET = "whsec_ZGVtby13YXJlaG91c2Utc2VjcmV0LW5vdC1mb3ItcHJvZHVjdGlvbg==";

    public IntegrationProperties {
        carrier = carrier != null ? carrier : new Endpoint(DEMO_CARRIER_SECRET, null);
        payments = payments != null ? payments : new Endpoint(DEMO_PAYMENTS_SECRET, null);
        warehouse = warehouse != null ? warehouse : new Endpoint(DEMO_WAREHOUSE_SECRET, null);
        if (sweepBatchSize <= 0 || retryRounds <= 0) {
            throw new IllegalArgumentException("omnireturns.integrations.sweep-batch-size and retry-rounds must be positive");
        }
        if (tolerance.isNegative() || tolerance.isZero()) {
            throw new IllegalArgumentException("omnireturns.integrations.tolerance must be positive");
        }
        if (logRetention.compareTo(tolerance.multipliedBy(2)) <= 0) {
            // a purged id would let a replay of its still-acceptable request through: a delivery stamped up to the
            // tolerance ahead is accepted until that stamp plus the tolerance, so up to twice the tolerance after
            // it was decided
            throw new IllegalArgumentException(
                    "omnireturns.integrations.log-retention must be longer than twice the tolerance");
        }
        if (logPurgeInterval.isNegative() || logPurgeInterval.isZero()) {
            throw new IllegalArgumentException("omnireturns.integrations.log-purge-interval must be positive");
        }
    }

    /**
     * One sender's signing secrets, Standard Webhooks style: {@code whsec_} and the base64 of 24 to 64 random bytes.
     *
     * @param secret         the current secret
     * @param previousSecret during a rotation, the secret being replaced (signatures with either are accepted);
     *                       unset otherwise
     */
    public record Endpoint(String secret, String previousSecret) {

        public Endpoint {
            WebhookSecret.parse(secret, "an integration secret");
            if (previousSecret != null && previousSecret.isBlank()) {
                previousSecret = null; // an empty environment variable means "no rotation in progress"
            }
            if (previousSecret != null) {
                WebhookSecret.parse(previousSecret, "an integration previous-secret");
            }
        }

        @Override
        public String toString() {
            return "Endpoint[secret=***, previousSecret=" + (previousSecret == null ? "unset" : "***") + "]"; // never in logs
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
