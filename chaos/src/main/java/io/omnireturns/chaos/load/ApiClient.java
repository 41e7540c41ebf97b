package io.omnireturns.chaos.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnireturns.harness.BasicAuth;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The REST API of the nodes, as a client that survives them: a call goes to one node; when that node cannot be
 * reached (killed, restarting) or answers 5xx, the same request, with the same {@code Idempotency-Key}, goes to the
 * next node, after the {@code Retry-After} the answer asked for (else a short pause). Every 5xx answer is counted:
 * a 503 {@code DATABASE_UNAVAILABLE} as {@code unavailable} (the documented answer while PostgreSQL is down), any
 * other as a failure, by status, code and path. A hang is a failure too ({@link #slow()}): a call that gets no answer
 * within the request timeout from a node that accepted the connection (a killed or restarting node refuses or
 * resets it, which counts as {@code unreachable}), and any answer slower than {@link #OUTAGE_PATIENCE} while the
 * database is down (the service must answer 503 at once, not wait for its pool).
 */
public final class ApiClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final String DATABASE_UNAVAILABLE = "DATABASE_UNAVAILABLE";
    /** The slowest answer accepted while PostgreSQL is down. */
    public static final Duration OUTAGE_PATIENCE = Duration.ofSeconds(3);

    /** A demo user of the nodes' demo security mode. */
    public record Credentials(String user, String password) {

        String header() {
            return BasicAuth.header(user, password);
        }
    }

    public static final Credentials WEB_SHOP = new Credentials("web-shop", "demo");
    public static final Credentials POS = new Credentials("pos", "demo");
    public static final Credentials WAREHOUSE = new Credentials("warehouse", "demo");
    public static final Credentials SERVICE_AGENT = new Credentials("service-agent", "demo");
    public static final Credentials OPERATIONS = new Credentials("operations", "demo");

    /** An answer that is not a 5xx. */
    public record Answer(int status, JsonNode body) {

        public String code() {
            return body.path("code").asText("");
        }
    }

    private final List<String> nodes;
    private final Duration requestTimeout;
    private final Duration giveUpAfter;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicInteger next = new AtomicInteger();
    private final LongAdder requests = new LongAdder();
    private final ConcurrentLinkedQueue<Instant> unavailableAt = new ConcurrentLinkedQueue<>();
    private final LongAdder unreachable = new LongAdder();
    private final Map<String, LongAdder> serverErrors = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> slow = new ConcurrentHashMap<>();
    private volatile boolean outageOn;

    public ApiClient(List<String> nodeBaseUrls, Duration requestTimeout, Duration giveUpAfter) {
        this.nodes = List.copyOf(nodeBaseUrls);
        this.requestTimeout = requestTimeout;
        this.giveUpAfter = giveUpAfter;
    }

    /** The nodes' base URLs, in the order calls try them. */
    public List<String> nodes() {
        return nodes;
    }

    public Answer post(String path, Credentials who, Object body, String idempotencyKey) throws InterruptedException {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
        return call("POST", path, who, bytes, idempotencyKey);
    }

    public Answer get(String path, Credentials who) throws InterruptedException {
        return call("GET", path, who, null, null);
    }

    private Answer call(String method, String path, Credentials who, byte[] body, String idempotencyKey)
            throws InterruptedException {
        long deadline = System.nanoTime() + giveUpAfter.toNanos();
        int node = Math.floorMod(next.getAndIncrement(), nodes.size());
        String lastProblem = "";
        while (System.nanoTime() < deadline) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(nodes.get(node) + path))
                    .timeout(requestTimeout)
                    .header("Authorization", who.header())
                    .header("Accept", "application/json");
            if (idempotencyKey != null) {
                request.header("Idempotency-Key", idempotencyKey);
            }
            if (body != null) {
                request.header("Content-Type", "application/json").header("X-Actor", who.user())
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            requests.increment();
            long pauseMillis;
            long sentNanos = System.nanoTime();
            boolean duringOutage = outageOn;
            try {
                HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                long tookMillis = (System.nanoTime() - sentNanos) / 1_000_000;
                if ((duringOutage || outageOn) && tookMillis > OUTAGE_PATIENCE.toMillis()) {
                    count(slow, "answer after " + tookMillis / 1000 + " s during the outage " + method + " "
                            + template(path));
                }
                JsonNode json = parse(response.body());
                int status = response.statusCode();
                if (status < 500) {
                    if (status == 409 && "REQUEST_IN_PROGRESS".equals(json.path("code").asText())) {
                        lastProblem = "409 REQUEST_IN_PROGRESS";
                        Thread.sleep(1000);
                        continue; // the first request (perhaps on a killed node) is presumed dead after a while
                    }
                    if (status == 429) {
                        Thread.sleep(retryAfterMillis(response, 1000));
                        continue;
                    }
                    return new Answer(status, json);
                }
                String code = json.path("code").asText("");
                if (status == 503 && DATABASE_UNAVAILABLE.equals(code)) {
                    unavailableAt.add(Instant.now());
                } else {
                    serverErrors.computeIfAbsent(status + " " + (code.isEmpty() ? "-" : code) + " " + method + " "
                            + template(path), k -> new LongAdder()).increment();
                }
                lastProblem = status + " " + code;
                pauseMillis = retryAfterMillis(response, 500);
            } catch (HttpConnectTimeoutException notAccepted) {
                // the connection was not even accepted: a node that is not there (yet)
                unreachable.increment();
                lastProblem = notAccepted.getClass().getSimpleName();
                pauseMillis = 200;
            } catch (HttpTimeoutException hang) {
                // the node took the request and did not answer: a hang, not a dead node
                count(slow, "no answer within " + requestTimeout.toSeconds() + " s " + method + " " + template(path));
                lastProblem = hang.getClass().getSimpleName();
                pauseMillis = 200;
            } catch (IOException unreachableNode) {
                // killed or restarting: connection refused or reset; try the next node
                unreachable.increment();
                lastProblem = unreachableNode.getClass().getSimpleName();
                pauseMillis = 200;
            }
            node = (node + 1) % nodes.size();
            Thread.sleep(pauseMillis + ThreadLocalRandom.current().nextLong(100));
        }
        throw new DriverFailure(method + " " + template(path) + " gave up after " + giveUpAfter + ": " + lastProblem);
    }

    private static void count(Map<String, LongAdder> counts, String key) {
        counts.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    /** Whether PostgreSQL is down now: answers slower than {@link #OUTAGE_PATIENCE} then count as {@link #slow()}. */
    public void outage(boolean on) {
        outageOn = on;
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

    /** The path with ids left out, so errors group by endpoint. */
    static String template(String path) {
        return path.replaceAll("/returns/[^/?]+", "/returns/{id}").replaceAll("\\?.*", "");
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return JSON.createObjectNode().put("code", "NOT_JSON")
                    .put("detail", new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8));
        }
    }

    public long requests() {
        return requests.sum();
    }

    /** When each 503 DATABASE_UNAVAILABLE was answered: expected while PostgreSQL is down, a failure otherwise. */
    public List<Instant> unavailableAt() {
        return List.copyOf(unavailableAt);
    }

    /** Attempts that reached no node or got no answer (a killed or restarting node). */
    public long unreachable() {
        return unreachable.sum();
    }

    /** Hangs: no answer within the request timeout, or an answer too slow during the outage, by kind and path. */
    public Map<String, Long> slow() {
        Map<String, Long> counts = new TreeMap<>();
        slow.forEach((key, count) -> counts.put(key, count.sum()));
        return counts;
    }

    /** Every other 5xx, by "status code method path". */
    public Map<String, Long> serverErrors() {
        Map<String, Long> counts = new TreeMap<>();
        serverErrors.forEach((key, count) -> counts.put(key, count.sum()));
        return counts;
    }

    public long serverErrorCount() {
        return serverErrors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** A request the driver gave up on. */
    public static final class DriverFailure extends RuntimeException {
        public DriverFailure(String message) {
            super(message, null, false, false);
        }
    }
}
