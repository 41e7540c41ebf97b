package io.omnireturns.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One connection to {@code GET /api/v1/returns/events}: every change of a return in the caller's scope, as server-sent
 * events {@code return} whose data is the return's summary with its {@code version}. Read on a thread of its own;
 * each change goes to the {@link Listener}. When the connection ends (the node was killed or restarts, the server's
 * stream time-out, a refusal such as 503 {@code TOO_MANY_SUBSCRIBERS}) or stays silent for longer than
 * {@code silenceLimit} (the server sends a comment every 15 s), the stream connects again, to the next node, after a
 * back-off from 200 ms doubling to 3 s (or the {@code Retry-After} asked for). This stream has no event ids, so
 * nothing is replayed after a reconnect: the listener hears {@link Listener#connected()} and catches up itself.
 */
public final class StatusStream implements AutoCloseable {

    public static final String PATH = "/api/v1/returns/events";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long FIRST_PAUSE_MILLIS = 200;
    private static final long MAX_PAUSE_MILLIS = 3000;

    /** What the stream hears; called on the stream's thread, one call at a time. */
    public interface Listener {

        /** A connection is open: every change from now on comes; changes before it may have been missed. */
        void connected();

        /** A change: the return's summary (returnId, status, holdReason, version…), and when it arrived. */
        void changed(JsonNode summary, long arrivedNanos);

        /** The connection ended; {@link #connected()} follows when another is open. */
        default void disconnected() {
        }
    }

    private final List<String> baseUrls;
    private final String authorization;
    private final Listener listener;
    private final Duration silenceLimit;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final Thread reader;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread t = new Thread(runnable, "status-stream-watchdog");
        t.setDaemon(true);
        return t;
    });
    private final CountDownLatch firstConnection = new CountDownLatch(1);
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong changes = new AtomicLong();
    private volatile long lastLineNanos = System.nanoTime();
    private volatile InputStream open;
    private volatile boolean closed;

    /**
     * @param baseUrls      the nodes, tried in turn (the first first)
     * @param authorization the {@code Authorization} header: a caller that may see every return played
     * @param silenceLimit  a connection without a line (event or keep-alive comment) for this long is given up
     */
    public StatusStream(List<String> baseUrls, String authorization, Listener listener, Duration silenceLimit) {
        if (baseUrls.isEmpty()) {
            throw new IllegalArgumentException("no node to follow");
        }
        this.baseUrls = List.copyOf(baseUrls);
        this.authorization = authorization;
        this.listener = listener;
        this.silenceLimit = silenceLimit;
        this.reader = new Thread(this::run, "status-stream");
        this.reader.setDaemon(true);
    }

    /** Starts following; answers at once ({@link #awaitConnected} waits for the first connection). */
    public StatusStream start() {
        reader.start();
        long every = Math.max(100, silenceLimit.toMillis() / 4);
        watchdog.scheduleWithFixedDelay(this::checkSilence, every, every, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Waits until the first connection is open, at most {@code patience}; answers whether it is. */
    public boolean awaitConnected(Duration patience) throws InterruptedException {
        return firstConnection.await(patience.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Connections opened so far (the first and every reconnect). */
    public long connections() {
        return connections.get();
    }

    /** Changes received so far. */
    public long changes() {
        return changes.get();
    }

    private void run() {
        int node = 0;
        long pause = FIRST_PAUSE_MILLIS;
        while (!closed) {
            String baseUrl = baseUrls.get(node % baseUrls.size());
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + PATH))
                        .header("Accept", "text/event-stream")
                        .header("Authorization", authorization)
                        .timeout(Duration.ofSeconds(10)) // until the answer's head: the stream itself has no limit
                        .GET().build();
                HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream body = response.body()) {
                    if (response.statusCode() == 200) {
                        open = body;
                        lastLineNanos = System.nanoTime();
                        connections.incrementAndGet();
                        listener.connected();
                        firstConnection.countDown();
                        pause = FIRST_PAUSE_MILLIS;
                        read(body);
                    } else {
                        pause = retryAfterMillis(response, pause);
                    }
                } finally {
                    if (open != null) {
                        open = null;
                        listener.disconnected();
                    }
                }
            } catch (IOException | RuntimeException lost) {
                // refused, reset, silent (closed by the watchdog) or a bad answer: the next node, after the pause
            } catch (InterruptedException interrupted) {
                // close(), or the watchdog cut a silent connection short
            }
            if (closed) {
                return;
            }
            Thread.interrupted(); // an interrupt of the watchdog's is spent
            node++;
            try {
                Thread.sleep(pause + ThreadLocalRandom.current().nextLong(pause / 4 + 1));
            } catch (InterruptedException e) {
                if (closed) {
                    return;
                }
            }
            pause = Math.min(pause * 2, MAX_PAUSE_MILLIS);
        }
    }

    /** Reads events until the stream ends: {@code event:}, {@code data:} (joined by new lines), a blank line ends one. */
    private void read(InputStream body) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        String event = "message";
        StringBuilder data = new StringBuilder();
        String line;
        while (!closed && (line = lines.readLine()) != null) {
            lastLineNanos = System.nanoTime();
            if (line.isEmpty()) {
                if (!data.isEmpty() && "return".equals(event)) {
                    deliver(data.toString());
                }
                event = "message";
                data.setLength(0);
            } else if (!line.startsWith(":")) { // a comment: the keep-alive
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1);
                if (value.startsWith(" ")) {
                    value = value.substring(1);
                }
                if (field.equals("event")) {
                    event = value;
                } else if (field.equals("data")) {
                    if (!data.isEmpty()) {
                        data.append('\n');
                    }
                    data.append(value);
                }
            }
        }
    }

    private void deliver(String data) {
        long arrived = System.nanoTime();
        JsonNode summary;
        try {
            summary = JSON.readTree(data);
        } catch (IOException notJson) {
            return; // not a change this client understands; the fallback read covers its return
        }
        changes.incrementAndGet();
        listener.changed(summary, arrived);
    }

    /** A connection silent for longer than the limit is cut, so the reader connects again (perhaps to another node). */
    private void checkSilence() {
        InputStream body = open;
        if (body != null && System.nanoTime() - lastLineNanos > silenceLimit.toNanos()) {
            lastLineNanos = System.nanoTime();
            try {
                body.close();
            } catch (IOException | RuntimeException ignored) {
                // cut anyway by the interrupt
            }
            reader.interrupt();
        }
    }

    private static long retryAfterMillis(HttpResponse<?> response, long otherwise) {
        return response.headers().firstValue("Retry-After").map(value -> {
            try {
                return Math.min(Long.parseLong(value.trim()) * 1000, 30_000);
            } catch (NumberFormatException httpDate) {
                return otherwise;
            }
        }).orElse(otherwise);
    }

    @Override
    public void close() {
        closed = true;
        watchdog.shutdownNow();
        InputStream body = open;
        if (body != null) {
            try {
                body.close();
            } catch (IOException | RuntimeException ignored) {
                // the interrupt ends the reader anyway
            }
        }
        reader.interrupt();
    }
}
