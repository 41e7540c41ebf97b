package io.omnireturns.command.integration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import io.omnireturns.platform.webhooks.StandardWebhooks;
import io.omnireturns.platform.webhooks.WebhookSecret;

import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Standard Webhooks signatures (https://www.standardwebhooks.com): {@code webhook-signature} is a space-separated
 * list of {@code v1,<base64 HMAC-SHA256>} of {@code <webhook-id>.<webhook-timestamp>.<raw body>}, keyed with the
 * sender's secret. One matching entry under the current or (during a rotation) the previous secret is enough;
 * other versions ({@code v1a}) are ignored. A valid signature counts only while its timestamp is within the
 * tolerance of this server's clock, so a captured request cannot be sent again later. Comparisons take the same
 * time wherever the first wrong byte is, so they leak nothing about the right signature. Accepted deliveries are
 * counted per system and secret ({@code omnireturns.webhooks.verified}, tag {@code secret=current|previous}), so
 * operations can see when nobody signs with the previous secret any longer and it can be removed.
 */
@Component
public class WebhookSignatures {

    public static final String ID_HEADER = StandardWebhooks.ID_HEADER;
    public static final String TIMESTAMP_HEADER = StandardWebhooks.TIMESTAMP_HEADER;
    public static final String SIGNATURE_HEADER = StandardWebhooks.SIGNATURE_HEADER;

    private static final String VERSION = StandardWebhooks.VERSION;

    /** What the signature headers say about a request. */
    public enum Verdict {
        VALID,
        /** No entry matches any of the sender's secrets. */
        INVALID_SIGNATURE,
        /** Signed right, but the timestamp is older than the tolerance: a late replay, or a sender's clock behind. */
        TOO_OLD,
        /** Signed right, but the timestamp is further ahead than the tolerance: a sender's clock ahead. */
        TOO_NEW
    }

    public static final String VERIFIED_METER = "omnireturns.webhooks.verified";

    private final Map<IntegrationSystem, List<byte[]>> keys = new EnumMap<>(IntegrationSystem.class);
    /** Per system, one counter per key, in the order of {@link #keys}. */
    private final Map<IntegrationSystem, List<Counter>> verified = new EnumMap<>(IntegrationSystem.class);
    private final long toleranceSeconds;
    private final Clock clock;

    public WebhookSignatures(IntegrationProperties properties, Clock clock, MeterRegistry meters) {
        for (IntegrationSystem system : IntegrationSystem.values()) {
            IntegrationProperties.Endpoint endpoint = properties.of(system);
            List<byte[]> systemKeys = new ArrayList<>(2);
            systemKeys.add(WebhookSecret.parse(endpoint.secret(), "an integration secret"));
            if (endpoint.previousSecret() != null) {
                systemKeys.add(WebhookSecret.parse(endpoint.previousSecret(), "an integration previous-secret"));
            }
            keys.put(system, List.copyOf(systemKeys));
            verified.put(system, List.of(counter(meters, system, "current"), counter(meters, system, "previous")));
        }
        this.toleranceSeconds = properties.tolerance().toSeconds();
        this.clock = clock;
    }

    /**
     * @param webhookId       the {@code webhook-id} header, already checked to be printable ASCII without dots
     * @param timestamp       the {@code webhook-timestamp} header, already checked to be decimal digits
     * @param signatureHeader the {@code webhook-signature} header; null or blank is an invalid signature
     */
    public Verdict verify(IntegrationSystem system, String webhookId, String timestamp, byte[] body,
                          String signatureHeader) {
        if (signatureHeader == null || signatureHeader.isBlank()) {
            return Verdict.INVALID_SIGNATURE;
        }
        List<byte[]> claimed = new ArrayList<>();
        for (String entry : signatureHeader.strip().split(" +")) {
            if (entry.startsWith(VERSION)) {
                try {
                    claimed.add(Base64.getDecoder().decode(entry.substring(VERSION.length())));
                } catch (IllegalArgumentException notBase64) {
                    // another entry may still match
                }
            }
        }
        List<byte[]> systemKeys = keys.get(system);
        int matchedKey = -1;
        for (int k = systemKeys.size() - 1; k >= 0; k--) { // the current secret (0) wins when both match
            byte[] expected = StandardWebhooks.mac(systemKeys.get(k), webhookId, timestamp, body);
            for (byte[] signature : claimed) {
                if (MessageDigest.isEqual(expected, signature)) {
                    matchedKey = k;
                }
            }
        }
        if (matchedKey < 0) {
            return Verdict.INVALID_SIGNATURE;
        }
        long sentAt = Long.parseLong(timestamp);
        long now = clock.instant().getEpochSecond();
        if (sentAt < now - toleranceSeconds) {
            return Verdict.TOO_OLD;
        }
        if (sentAt > now + toleranceSeconds) {
            return Verdict.TOO_NEW;
        }
        verified.get(system).get(matchedKey).increment();
        return Verdict.VALID;
    }

    /** The {@code webhook-signature} a sender puts on a request, with the system's current secret. */
    public String sign(IntegrationSystem system, String webhookId, long timestamp, byte[] body) {
        return StandardWebhooks.signature(keys.get(system).get(0), webhookId, timestamp, body);
    }

    private static Counter counter(MeterRegistry meters, IntegrationSystem system, String secret) {
        return Counter.builder(VERIFIED_METER).description("Webhook deliveries accepted, by the secret that signed them")
                .tag("system", system.path()).tag("secret", secret).register(meters);
    }

    long toleranceSeconds() {
        return toleranceSeconds;
    }
}
