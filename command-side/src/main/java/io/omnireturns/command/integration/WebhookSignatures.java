package io.omnireturns.command.integration;

import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Checks {@code X-Signature: sha256=<hex>}: the HMAC-SHA256 of the raw body under the system's shared secret.
 * The comparison takes the same time wherever the first wrong byte is, so it leaks nothing about the right one.
 */
@Component
public class WebhookSignatures {

    public static final String HEADER = "X-Signature";
    private static final String SCHEME = "sha256=";
    private static final String ALGORITHM = "HmacSHA256";

    private final Map<IntegrationSystem, SecretKeySpec> keys = new EnumMap<>(IntegrationSystem.class);

    public WebhookSignatures(IntegrationProperties properties) {
        for (IntegrationSystem system : IntegrationSystem.values()) {
            keys.put(system, new SecretKeySpec(properties.of(system).secret().getBytes(StandardCharsets.UTF_8), ALGORITHM));
        }
    }

    public boolean isValid(IntegrationSystem system, byte[] body, String header) {
        if (header == null) {
            return false;
        }
        String value = header.strip();
        if (!value.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return false;
        }
        byte[] claimed;
        try {
            claimed = HexFormat.of().parseHex(value, SCHEME.length(), value.length());
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(sign(system, body), claimed);
    }

    /** The signature a sender puts in the header, without the {@code sha256=} prefix. */
    public String signatureOf(IntegrationSystem system, byte[] body) {
        return HexFormat.of().formatHex(sign(system, body));
    }

    private byte[] sign(IntegrationSystem system, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM); // a Mac is not thread-safe; creating one is cheap
            mac.init(keys.get(system));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
