package io.omnireturns.command.integration;

import java.util.Base64;

/**
 * A Standard Webhooks signing secret as configured: {@code whsec_} followed by the base64 of the key, which is 24 to
 * 64 random bytes. The key is the base64-decoded part, so a sender's Standard Webhooks library signs with the same
 * bytes. Anything else stops the service at start-up, and the message never repeats the value.
 */
final class WebhookSecret {

    static final String PREFIX = "whsec_";
    private static final int MIN_BYTES = 24;
    private static final int MAX_BYTES = 64;

    private WebhookSecret() {
    }

    static byte[] parse(String value, String property) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an integration " + property + " must not be empty");
        }
        String trimmed = value.strip();
        if (!trimmed.startsWith(PREFIX)) {
            throw new IllegalArgumentException("an integration " + property + " must be " + PREFIX
                    + "<base64 of 24 to 64 random bytes>, e.g. " + PREFIX + "$(openssl rand -base64 32)");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(trimmed.substring(PREFIX.length()));
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("an integration " + property + " must be base64 after " + PREFIX);
        }
        if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
            throw new IllegalArgumentException("an integration " + property + " must decode to 24 to 64 bytes, not "
                    + key.length);
        }
        return key;
    }
}
