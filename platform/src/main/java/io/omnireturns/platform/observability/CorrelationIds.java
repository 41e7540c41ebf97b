package io.omnireturns.platform.observability;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The names and shapes of the ids that tie one piece of work together across HTTP, commands, events, saga steps,
 * outbound calls and logs. The same key is used in message metadata and in the logging MDC.
 */
public final class CorrelationIds {

    /** The client's conversation: the same on every message and call that one request caused. */
    public static final String CORRELATION_ID = "correlationId";
    /** The distributed trace: the W3C trace id of the request's trace (see {@code MessageTracing}). */
    public static final String TRACE_ID = "traceId";
    /** The message that directly caused this one (what Axon itself calls the correlation id). */
    public static final String CAUSATION_ID = "causationId";
    /** Who acted; the same key as the actor in message metadata. */
    public static final String ACTOR = "actor";

    public static final String CORRELATION_ID_HEADER = "X-Correlation-Id";
    public static final String TRACE_ID_HEADER = "X-Trace-Id";
    public static final String TRACEPARENT_HEADER = "traceparent";

    private static final Pattern TRACEPARENT = Pattern.compile("^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$");
    private static final Pattern ALL_ZEROS = Pattern.compile("^0+$");
    /** Printable, no spaces, bounded: these ids are stored for ever and echoed into other systems' logs. */
    private static final Pattern SAFE_ID = Pattern.compile("^[A-Za-z0-9._:@/+=-]{1,128}$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private CorrelationIds() {
    }

    /** The caller's correlation id when it is a safe token, otherwise none (a new one is made). */
    public static Optional<String> acceptedCorrelationId(String header) {
        return safe(header);
    }

    /**
     * The trace id from a W3C {@code traceparent} ({@code 00-<32 hex trace id>-<16 hex parent id>-<flags>}),
     * else from {@code X-Trace-Id}, else none.
     */
    public static Optional<String> acceptedTraceId(String traceparent, String traceIdHeader) {
        if (traceparent != null) {
            var matcher = TRACEPARENT.matcher(traceparent.strip().toLowerCase());
            if (matcher.matches() && !ALL_ZEROS.matcher(matcher.group(1)).matches()) {
                return Optional.of(matcher.group(1));
            }
        }
        return safe(traceIdHeader);
    }

    public static String newCorrelationId() {
        return UUID.randomUUID().toString();
    }

    /** A W3C-shaped trace id (32 lower-case hex digits): a request's trace id when tracing is switched off. */
    public static String newTraceId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static Optional<String> safe(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String stripped = value.strip();
        return SAFE_ID.matcher(stripped).matches() ? Optional.of(stripped) : Optional.empty();
    }
}
