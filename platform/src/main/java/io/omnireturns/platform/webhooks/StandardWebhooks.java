package io.omnireturns.platform.webhooks;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * The Standard Webhooks signing scheme (https://www.standardwebhooks.com), one implementation for both directions:
 * the partners' inbound webhooks are verified with it, the outbound subscriptions' deliveries signed with it. A
 * signature is {@code v1,<base64 HMAC-SHA256>} of {@code <webhook-id>.<webhook-timestamp>.<raw body>}; the
 * {@code webhook-signature} header holds one or more, space-separated (several during a secret rotation).
 */
public final class StandardWebhooks {

    public static final String ID_HEADER = "webhook-id";
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    public static final String SIGNATURE_HEADER = "webhook-signature";

    /** The prefix of a version 1 (HMAC-SHA256) signature. */
    public static final String VERSION = "v1,";

    private static final String ALGORITHM = "HmacSHA256";

    private StandardWebhooks() {
    }

    /** The HMAC-SHA256 of {@code id.timestamp.body} under {@code key}. */
    public static byte[] mac(byte[] key, String webhookId, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM); // a Mac is not thread-safe; creating one is cheap
            mac.init(new SecretKeySpec(key, ALGORITHM));
            mac.update(webhookId.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** One {@code v1,<base64>} entry of the {@code webhook-signature} header. */
    public static String signature(byte[] key, String webhookId, long timestamp, byte[] body) {
        return VERSION + Base64.getEncoder().encodeToString(mac(key, webhookId, Long.toString(timestamp), body));
    }
}
