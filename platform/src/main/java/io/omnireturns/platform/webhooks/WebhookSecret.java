package io.omnireturns.platform.webhooks;

import java.util.Base64;

/**
 * A Standard Webhooks signing secret: {@code whsec_} followed by the base64 of the key, which is 24 to 64 random
 * bytes. The key is the base64-decoded part, so the other side's Standard Webhooks library signs and verifies with
 * the same bytes. The same rule holds for the partners' inbound secrets (configuration) and the outbound
 * subscriptions' secrets (operations API); a refusal's message never repeats the value.
 */
public final class WebhookSecret {

    public static final String PREFIX = "whsec_";
    private static final int MIN_BYTES = 24;
    private static final int MAX_BYTES = 64;

    private WebhookSecret() {
    }

    /**
     * @param value the secret as given
     * @param name  how a refusal names it, e.g. "an integration secret"
     * @return the key bytes
     * @throws IllegalArgumentException if the value is not a valid secret
     */
    public static byte[] parse(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        String trimmed = value.strip();
        if (!trimmed.startsWith(PREFIX)) {
            throw new IllegalArgumentException(name + " must be " + PREFIX
                    + "<base64 of 24 to 64 random bytes>, e.g. " + PREFIX + "$(openssl rand -base64 32)");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(trimmed.substring(PREFIX.length()));
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException(name + " must be base64 after " + PREFIX);
        }
        if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
            throw new IllegalArgumentException(name + " must decode to 24 to 64 bytes, not " + key.length);
        }
        return key;
    }
}
