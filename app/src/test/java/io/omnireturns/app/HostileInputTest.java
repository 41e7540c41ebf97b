package io.omnireturns.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.command.connectors.orders.DemoOrders;
import io.omnireturns.command.connectors.orders.SandboxOrderSystem;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.omnireturns.app.ApiClient.line;
import static io.omnireturns.app.ApiClient.webReturn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hostile requests against every endpoint of the README's API table, over a real socket (so Tomcat's own refusals
 * are seen too) on real PostgreSQL: bodies, headers, query parameters, paths and methods an attacker or a broken
 * client would send. Each one is answered 4xx, never 5xx, as {@code application/problem+json} with a {@code code}
 * from the README's Errors table and no Java type name or long echo in it, and records nothing. The requests aim
 * at a live return and a real order, so a request that slipped through would add events to them or start a new
 * aggregate (a return, a period); the count of those is the same after each request as before. (Counting only these
 * lets the test share the context of the other API tests, whose own returns may still be finishing.)
 */
@AppIntegrationTest
class HostileInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern INTERNALS = Pattern.compile(
            "io\\.omnireturns|java\\.|jakarta\\.|org\\.springframework|com\\.fasterxml|org\\.apache|\\w\\$\\w|Exception"
                    // a method's parameter as a validator names it: cancel.returnId: must match ...
                    + "|\\b[a-z][A-Za-z0-9]*\\.[a-z][A-Za-z0-9]*:");
    private static final String LONG = "x".repeat(60_000);

    @Autowired
    TestRestTemplate rest;
    @Autowired
    SandboxOrderSystem orderSystem;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;
    @LocalServerPort
    int port;

    @TestFactory
    Stream<DynamicTest> every_hostile_request_is_refused_with_problem_details_and_records_nothing() throws IOException {
        Set<String> catalogue = documentedCodes();
        OrderSnapshot order = TestOrders.copyOf(DemoOrders.webOrderOfFive(clock.instant()));
        orderSystem.register(order);
        String sock = TestOrders.line(order, 1);
        JsonNode requested = new ApiClient(rest).requestReturn("hostile-setup",
                webReturn(order.orderId(), line(sock, 1, "SIZE_OR_FIT"))).getBody();
        assertThat(requested.path("status").asText()).as(requested.toString()).isEqualTo("AUTHORIZED");
        String returnId = requested.path("returnId").asText();
        watched = List.of(returnId, order.orderId());
        awaitQuietEventStore();

        List<Hostile> cases = cases(order.orderId(), sock, returnId);
        assertThat(cases).hasSizeGreaterThanOrEqualTo(100);
        RawHttp http = new RawHttp(port);
        return cases.stream().map(hostile -> DynamicTest.dynamicTest(hostile.name, () -> {
            long before = events();
            RawHttp.Answer answer = http.send(hostile.method, hostile.target, hostile.headers, hostile.body);
            String seen = hostile.method + " " + abbreviated(hostile.target) + " answered " + answer.status() + " "
                    + answer.headers().get("content-type") + " " + abbreviated(answer.body());

            assertThat(answer.status()).as(seen).isBetween(400, 499);
            if (hostile.status != null) {
                assertThat(answer.status()).as(seen).isEqualTo(hostile.status);
            }
            assertThat(answer.header("Content-Type")).as(seen).startsWith("application/problem+json");
            JsonNode problem = JSON.readTree(answer.body());
            assertThat(problem.path("status").asInt()).as(seen).isEqualTo(answer.status());
            assertThat(problem.path("code").asText()).as(seen).isIn(catalogue);
            if (hostile.code != null) {
                assertThat(problem.path("code").asText()).as(seen).isEqualTo(hostile.code);
            }
            assertThat(answer.body()).as("no internal names: " + seen).doesNotContainPattern(INTERNALS);
            // 'instance' is the request's path, which Tomcat bounds; what the service says about the input is cut
            assertThat(answer.body().length() - problem.path("instance").asText().length())
                    .as("long values are cut: " + seen).isLessThan(2_000);
            assertThat(problem.path("detail").asText().length()).as("long values are cut: " + seen).isLessThanOrEqualTo(501);
            assertThat(events()).as("nothing recorded: " + seen).isEqualTo(before);
        }));
    }

    @Test
    void legitimate_accept_headers_still_get_their_answer() throws IOException {
        RawHttp http = new RawHttp(port);
        Map<String, Integer> reads = new LinkedHashMap<>();
        for (String accept : new String[] {"*/*", null, "application/json;charset=UTF-8",
                "text/html;q=0.9, application/json;q=0.5", "application/*"}) {
            reads.put(String.valueOf(accept), http.send("GET", "/api/v1/returns?size=1", acceptHeaders(accept), null)
                    .status());
        }
        assertThat(reads).as("GET /api/v1/returns by Accept").allSatisfy((accept, status) ->
                assertThat(status).as(accept).isEqualTo(200));

        RawHttp.Answer csv = http.send("GET", "/api/v1/finance/periods/2026-01/reconciliation",
                acceptHeaders("text/csv"), null);
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");

        // a command whose client accepts only the problem type gets past the answer check: here, to its 404
        List<Map.Entry<String, String>> problemOnly = new ArrayList<>(acceptHeaders("application/problem+json"));
        problemOnly.add(Map.entry("Content-Type", "application/json"));
        RawHttp.Answer command = http.send("POST", "/api/v1/returns/NO-SUCH-RETURN/cancellation", problemOnly,
                "{\"reason\":\"changed my mind\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(command.status()).as(command.body()).isEqualTo(404);
    }

    private static List<Map.Entry<String, String>> acceptHeaders(String accept) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(Map.entry("Authorization", RawHttp.basic("admin")));
        if (accept != null) {
            headers.add(Map.entry("Accept", accept));
        }
        return headers;
    }

    private List<Hostile> cases(String orderId, String sock, String returnId) {
        String rid = "/api/v1/returns/" + returnId;
        String request = "{\"orderId\":\"" + orderId + "\",\"channel\":\"WEB\",\"lines\":[{\"orderLineId\":\"" + sock
                + "\",\"quantity\":1,\"reason\":\"DEFECTIVE\"}]}";
        String receipt = "{\"receiptId\":\"RCPT-H\",\"locationId\":\"DC-EAST\",\"lines\":[{\"orderLineId\":\"" + sock
                + "\",\"quantity\":1}]}";
        String inspection = "{\"inspectionId\":\"INSP-H\",\"lines\":[{\"orderLineId\":\"" + sock
                + "\",\"acceptedQuantity\":1,\"rejectedQuantity\":0,\"grade\":\"NEW\",\"disposition\":\"RESTOCK\"}]}";
        String cancellation = "{\"reason\":\"changed my mind\"}";
        String holdResolution = "{\"decision\":\"RESUME\",\"reason\":\"checked\"}";
        List<Hostile> cases = new ArrayList<>();

        // an answer the client does not accept: refused before the command runs
        Map<String, String> commands = new java.util.LinkedHashMap<>();
        commands.put("/api/v1/returns", request);
        commands.put(rid + "/cancellation", cancellation);
        commands.put(rid + "/receipts", receipt);
        commands.put(rid + "/inspections", inspection);
        commands.put(rid + "/hold-resolutions", holdResolution);
        commands.put("/api/v1/exceptions/EXC-1/retry", "");
        commands.put("/api/v1/admin/processors/return-status/replay", "");
        commands.put("/api/v1/admin/views/return-status/verification", "");
        commands.put("/api/v1/finance/periods/2026-01/close", "");
        commands.put("/api/v1/integrations/carrier/events", "{}");
        for (Map.Entry<String, String> command : commands.entrySet()) {
            for (String accept : List.of("text/html", "application/xml", "image/png", "application/json;q=0", "@@@")) {
                cases.add(post(command.getKey(), command.getValue()).accept(accept)
                        .named("Accept " + accept + " on POST " + command.getKey()).expect(406, "NOT_ACCEPTABLE"));
            }
        }

        // Idempotency-Key: visible ASCII, 1 to 200 characters, once
        for (String key : List.of("ключ", "k".repeat(201), "", "two words", "tab\there", "é")) {
            cases.add(request("POST", "/api/v1/returns", request).key(key).named("Idempotency-Key '" + abbreviated(key) + "'")
                    .expect(400, "INVALID_IDEMPOTENCY_KEY"));
        }
        cases.add(request("POST", "/api/v1/returns", request).key("a").key("b").named("two Idempotency-Keys")
                .expect(400, "INVALID_IDEMPOTENCY_KEY"));
        cases.add(request("POST", "/api/v1/returns", request).named("no Idempotency-Key").expect(400, "MISSING_HEADER"));

        // bodies of a return request: exact JSON types, each field once, nothing unknown, within limits
        String validLine = "{\"orderLineId\":\"" + sock + "\",\"quantity\":1,\"reason\":\"DEFECTIVE\"}";
        Map<String, String> lineQuantities = Map.ofEntries(
                Map.entry("1.5", "MALFORMED_REQUEST"), Map.entry("\"1\"", "MALFORMED_REQUEST"),
                Map.entry("null", "VALIDATION_FAILED"), Map.entry("1e0", "MALFORMED_REQUEST"),
                Map.entry("true", "MALFORMED_REQUEST"), Map.entry("99999999999", "MALFORMED_REQUEST"),
                Map.entry("1" + "0".repeat(2_000), "MALFORMED_REQUEST"), Map.entry("0", "VALIDATION_FAILED"),
                Map.entry("-1", "VALIDATION_FAILED"), Map.entry("10001", "VALIDATION_FAILED"));
        lineQuantities.forEach((quantity, code) -> cases.add(requestBody(request.replace("\"quantity\":1",
                "\"quantity\":" + quantity)).named("quantity " + abbreviated(quantity)).expect(400, code)));
        Map<String, String> orderIds = Map.of("1001", "MALFORMED_REQUEST", "true", "MALFORMED_REQUEST",
                "{}", "MALFORMED_REQUEST", "[]", "MALFORMED_REQUEST", "null", "VALIDATION_FAILED",
                "\"" + "O".repeat(65) + "\"", "VALIDATION_FAILED", "\"" + LONG + "\"", "VALIDATION_FAILED");
        orderIds.forEach((id, code) -> cases.add(requestBody(request.replace("\"" + orderId + "\"", id))
                .named("orderId " + abbreviated(id)).expect(400, code)));
        cases.add(requestBody(request.replace("\"DEFECTIVE\"", "\"" + LONG + "\"")).named("a 60,000-character reason")
                .expect(400, "MALFORMED_REQUEST"));
        cases.add(requestBody(request.replace("\"DEFECTIVE\"", "0")).named("an enum as its ordinal")
                .expect(400, "MALFORMED_REQUEST"));
        cases.add(requestBody(request.replace("\"WEB\"", "\"web\"")).named("an enum in lower case")
                .expect(400, "MALFORMED_REQUEST"));
        cases.add(requestBody(request.replace("{\"orderId\"", "{\"orderId\":\"ORD-X\",\"orderId\""))
                .named("orderId twice").expect(400, "DUPLICATE_FIELD"));
        cases.add(requestBody(request.replace("\"quantity\":1", "\"quantity\":3,\"quantity\":1"))
                .named("quantity twice in a line").expect(400, "DUPLICATE_FIELD"));
        cases.add(requestBody(request.replace("{\"orderId\"", "{\"status\":\"REFUNDED\",\"orderId\""))
                .named("a status set by the client").expect(400, "UNKNOWN_FIELD"));
        cases.add(requestBody(request.replace("\"quantity\":1", "\"quantity\":1,\"refundAmount\":100"))
                .named("an amount set by the client").expect(400, "UNKNOWN_FIELD"));
        cases.add(requestBody(request.replace("{\"orderId\"", "{\"" + LONG + "\":1,\"orderId\""))
                .named("a 60,000-character field name").expect(400, "MALFORMED_REQUEST"));
        cases.add(requestBody(request.replace(validLine, "")).named("no lines").expect(400, "VALIDATION_FAILED"));
        cases.add(requestBody(request.replace(validLine, "null")).named("a null line").expect(400, "VALIDATION_FAILED"));
        cases.add(requestBody(request.replace("[" + validLine + "]", "null")).named("lines null")
                .expect(400, "VALIDATION_FAILED"));
        cases.add(requestBody(request.replace(validLine, String.join(",", java.util.Collections.nCopies(101, validLine))))
                .named("101 lines").expect(400, "VALIDATION_FAILED"));
        cases.add(requestBody(request.replace("\"" + orderId + "\"", "\"ORD\\u0000\"")).named("a NUL in a string"));
        cases.add(requestBody("not json").named("not JSON").expect(400, "MALFORMED_REQUEST"));
        cases.add(requestBody(request.substring(0, 20)).named("cut-off JSON").expect(400, "MALFORMED_REQUEST"));
        cases.add(requestBody(request + " {}").named("JSON with more after it").expect(400, "MALFORMED_REQUEST"));
        cases.add(requestBody("[]").named("an array body").expect(400, "MALFORMED_REQUEST"));
        cases.add(requestBody("\"text\"").named("a string body").expect(400, "MALFORMED_REQUEST"));
        cases.add(requestBody("").named("an empty body").expect(400, "MALFORMED_REQUEST"));
        cases.add(requestBody("[".repeat(5_000)).named("5,000 nested arrays").expect(400, "MALFORMED_REQUEST"));
        cases.add(requestBody("{\"orderId\":" + "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000) + "}")
                .named("3,000 nested objects").expect(400, "MALFORMED_REQUEST"));
        cases.add(post("/api/v1/returns", bytes(request.replace(orderId, orderId + "\u00e9"), StandardCharsets.ISO_8859_1))
                .key(key()).named("a body that is not UTF-8").expect(400, "MALFORMED_REQUEST"));
        cases.add(requestBody(request).contentType("text/plain").named("Content-Type text/plain")
                .expect(415, "UNSUPPORTED_MEDIA_TYPE"));
        cases.add(requestBody(request).contentType("application/xml").named("Content-Type application/xml")
                .expect(415, "UNSUPPORTED_MEDIA_TYPE"));
        cases.add(requestBody(request).contentType("application/x-www-form-urlencoded").named("a form")
                .expect(415, "UNSUPPORTED_MEDIA_TYPE"));
        cases.add(requestBody(request).contentType(null).named("no Content-Type").expect(415, "UNSUPPORTED_MEDIA_TYPE"));
        cases.add(requestBody(request).contentType("application/json; charset=NOPE").named("an unknown charset"));
        cases.add(requestBody("{\"orderId\":\"" + "x".repeat(70_000) + "\"}").named("a 70 KB body")
                .expect(413, "PAYLOAD_TOO_LARGE"));

        // bodies of the other commands, aimed at the live return
        cases.add(post(rid + "/cancellation", "{\"reason\":\"" + LONG + "\"}").named("a 60,000-character cancellation reason")
                .expect(400, "VALIDATION_FAILED"));
        cases.add(post(rid + "/cancellation", "{\"reason\":42}").named("a number as the reason").expect(400, "MALFORMED_REQUEST"));
        cases.add(post(rid + "/cancellation", "{\"reason\":\"x\",\"reason\":\"y\"}").named("the reason twice")
                .expect(400, "DUPLICATE_FIELD"));
        cases.add(post(rid + "/cancellation", "{\"reason\":\"x\",\"cancelledBy\":\"ceo\"}").named("who cancels set by the client")
                .expect(400, "UNKNOWN_FIELD"));
        cases.add(post(rid + "/hold-resolutions", "{\"decision\":\"NOPE\",\"reason\":\"x\"}").named("an unknown decision")
                .expect(400, "MALFORMED_REQUEST"));
        cases.add(post(rid + "/hold-resolutions", "{\"decision\":1,\"reason\":\"x\"}").named("a decision as a number")
                .expect(400, "MALFORMED_REQUEST"));
        cases.add(post(rid + "/receipts", receipt.replace("\"quantity\":1", "\"quantity\":1.5")).named("a receipt of 1.5")
                .expect(400, "MALFORMED_REQUEST"));
        cases.add(post(rid + "/receipts", receipt.replace("\"quantity\":1", "\"quantity\":\"1\"")).named("a receipt of \"1\"")
                .expect(400, "MALFORMED_REQUEST"));
        cases.add(post(rid + "/receipts", receipt.replace("\"quantity\":1", "\"quantity\":0,\"quantity\":1"))
                .named("a receipt's quantity twice").expect(400, "DUPLICATE_FIELD"));
        cases.add(post(rid + "/receipts", receipt.replace("\"DC-EAST\"", "\"" + LONG + "\"")).named("a 60,000-character location")
                .expect(400, "VALIDATION_FAILED"));
        cases.add(post(rid + "/inspections", inspection.replace("\"acceptedQuantity\":1", "\"acceptedQuantity\":-1"))
                .named("a negative accepted quantity").expect(400, "VALIDATION_FAILED"));
        cases.add(post(rid + "/inspections", inspection.replace("\"rejectedQuantity\":0", "\"rejectedQuantity\":null"))
                .named("a null rejected quantity").expect(400, "VALIDATION_FAILED"));
        cases.add(post(rid + "/inspections", inspection.replace("\"acceptedQuantity\":1", "\"acceptedQuantity\":null"))
                .named("a null accepted quantity").expect(400, "VALIDATION_FAILED"));
        cases.add(post(rid + "/inspections", inspection.replace("\"rejectedQuantity\":0,", ""))
                .named("no rejected quantity").expect(400, "VALIDATION_FAILED"));
        cases.add(post(rid + "/receipts", receipt.replace("\"quantity\":1", "\"quantity\":null"))
                .named("a null received quantity").expect(400, "VALIDATION_FAILED"));
        cases.add(post(rid + "/inspections", inspection.replace("\"grade\"", "\"needsManualReview\":\"yes\",\"grade\""))
                .named("a boolean as text").expect(400, "MALFORMED_REQUEST"));
        cases.add(post(rid + "/inspections", inspection.replace("\"grade\"", "\"needsManualReview\":1,\"grade\""))
                .named("a boolean as a number").expect(400, "MALFORMED_REQUEST"));
        cases.add(post(rid + "/inspections", inspection.replace("\"grade\"", "\"note\":\"" + LONG + "\",\"grade\""))
                .named("a 60,000-character note").expect(400, "VALIDATION_FAILED"));
        cases.add(post("/api/v1/returns/bad_id/cancellation", cancellation).named("a return id off its pattern")
                .expect(400, "VALIDATION_FAILED"));
        cases.add(post("/api/v1/returns/NO-SUCH-RETURN/cancellation", cancellation).named("cancelling an unknown return")
                .expect(404, "RETURN_NOT_FOUND"));
        cases.add(post("/api/v1/exceptions/NO-SUCH-EXCEPTION/retry", "").named("retrying an unknown exception")
                .expect(404, "EXCEPTION_NOT_FOUND"));
        cases.add(post("/api/v1/admin/processors/nope/replay", "").named("replaying an unknown processor")
                .expect(404, "UNKNOWN_PROCESSOR"));
        cases.add(post("/api/v1/admin/views/nope/verification", "").named("verifying an unknown view")
                .expect(404, "UNKNOWN_VIEW"));
        cases.add(post("/api/v1/finance/periods/2026-13/close", "").named("closing month 13").expect(400, "INVALID_PERIOD"));
        cases.add(post("/api/v1/integrations/carrier/events", "{}").named("an unsigned webhook"));
        cases.add(post("/api/v1/integrations/nope/events", "{}").named("a webhook of an unknown system"));

        // paths: what the firewall or Tomcat refuse before anything routes them
        for (String hostilePath : List.of("a%00b", "a%2Fb", "a%0d%0ab", "a;b", "a%5Cb", "a%zzb", "a%25b", "%2e%2e",
                "..%2F..%2Fadmin")) {
            cases.add(get("/api/v1/returns/" + hostilePath).named("path /api/v1/returns/" + hostilePath)
                    .expect(400, "REQUEST_REJECTED"));
        }
        cases.add(get(rid + "/history/%00").named("a NUL after a known path").expect(400, "REQUEST_REJECTED"));
        cases.add(get("/api/v1/finance/periods/%00/reconciliation").named("a NUL as the period").expect(400, "REQUEST_REJECTED"));
        cases.add(post("/api/v1/admin/processors/%0a/replay", "").named("a line break as the processor")
                .expect(400, "REQUEST_REJECTED"));
        cases.add(get("/api/v1/returns/a b").named("a space in the request line").expect(400, "REQUEST_REJECTED"));
        cases.add(get("/api/v1/returns/\u00e9").named("a raw non-ASCII path").expect(400, "REQUEST_REJECTED"));
        cases.add(get("api/v1/returns").named("a path without its leading slash").expect(400, "REQUEST_REJECTED"));
        cases.add(get("/api/v1/returns/" + "a".repeat(3_000)).named("a 3,000-character return id"));
        cases.add(get("/api/v1/returns/%C3%A9").named("an encoded non-ASCII return id"));
        cases.add(get("/api/v1/returns/a%09b").named("an encoded tab in a return id"));

        // query parameters
        String far = "%2B999999999-12-31T23:59:59Z";
        String early = "-999999999-01-01T00:00:00Z";
        cases.add(get(rid + "/state?asOf=" + far).named("asOf at the end of time").expect(400, "INVALID_PARAMETER"));
        cases.add(get(rid + "/state?asOf=" + early).named("asOf at the start of time").expect(400, "INVALID_PARAMETER"));
        cases.add(get(rid + "/state?asOf=yesterday").named("asOf not an instant").expect(400, "INVALID_PARAMETER"));
        cases.add(get(rid + "/state").named("asOf missing").expect(400, "MISSING_PARAMETER"));
        cases.add(get(rid + "/history?fromSequenceNumber=-1").named("a negative sequence number").expect(400, "VALIDATION_FAILED"));
        cases.add(get(rid + "/history?fromSequenceNumber=99999999999999999999").named("a sequence number past long")
                .expect(400, "INVALID_PARAMETER"));
        cases.add(get("/api/v1/kpis?to=" + far).named("KPIs to the end of time").expect(400, "INVALID_PARAMETER"));
        cases.add(get("/api/v1/kpis?from=" + early).named("KPIs from the start of time").expect(400, "INVALID_PARAMETER"));
        cases.add(get("/api/v1/kpis?from=soon").named("KPIs from no instant").expect(400, "INVALID_PARAMETER"));
        cases.add(get("/api/v1/kpis?channel=0").named("KPIs of channel 0").expect(400, "INVALID_PARAMETER"));
        cases.add(get("/api/v1/audit/events?from=" + far + "&to=" + far).named("an export at the end of time"));
        cases.add(get("/api/v1/audit/events?from=" + early + "&to=2026-01-01T00:00:00Z").named("an export from the start of time"));
        cases.add(get("/api/v1/audit/events?from=x&to=y").named("an export of no instants").expect(400, "INVALID_PARAMETER"));
        cases.add(get("/api/v1/audit/events").named("an export without a range").expect(400, "MISSING_PARAMETER"));
        cases.add(get("/api/v1/returns?page=-1").named("page -1").expect(400, "VALIDATION_FAILED"));
        cases.add(get("/api/v1/returns?page=99999999999").named("a page past int").expect(400, "INVALID_PARAMETER"));
        cases.add(get("/api/v1/returns?size=0").named("size 0").expect(400, "VALIDATION_FAILED"));
        cases.add(get("/api/v1/returns?size=1000").named("size 1000").expect(400, "VALIDATION_FAILED"));
        cases.add(get("/api/v1/returns?status=NOPE").named("an unknown status").expect(400, "INVALID_PARAMETER"));
        cases.add(get("/api/v1/exceptions?state=" + "X".repeat(5_000)).named("a 5,000-character state")
                .expect(400, "INVALID_PARAMETER"));
        cases.add(get("/api/v1/exceptions?page=-1").named("exceptions page -1").expect(400, "VALIDATION_FAILED"));
        cases.add(get("/api/v1/finance/periods/2026-13/reconciliation").named("month 13").expect(400, "INVALID_PERIOD"));
        cases.add(get("/api/v1/finance/periods/99999-01/reconciliation").named("year 99999").expect(400, "INVALID_PERIOD"));
        cases.add(get("/api/v1/finance/periods/2026-01/reconciliation").accept("image/png").named("a report as PNG")
                .expect(406, "NOT_ACCEPTABLE"));
        cases.add(get(rid).accept("text/html").named("a status view as HTML").expect(406, "NOT_ACCEPTABLE"));

        // methods
        cases.add(request("TRACE", "/api/v1/returns", null).named("TRACE").expect(405, "METHOD_NOT_ALLOWED"));
        cases.add(request("TRACE", rid, null).named("TRACE on a return").expect(405, "METHOD_NOT_ALLOWED"));
        cases.add(request("FOO", "/api/v1/returns", null).named("an invented method").expect(405, "METHOD_NOT_ALLOWED"));
        cases.add(request("DELETE", rid, null).named("DELETE a return").expect(405, "METHOD_NOT_ALLOWED"));
        cases.add(request("PUT", rid + "/receipts", receipt).named("PUT a receipt").expect(405, "METHOD_NOT_ALLOWED"));
        cases.add(request("PATCH", rid, "{\"status\":\"REFUNDED\"}").named("PATCH a status").expect(405, "METHOD_NOT_ALLOWED"));
        cases.add(get(rid + "/cancellation").named("GET a command").expect(405, "METHOD_NOT_ALLOWED"));
        cases.add(request("DELETE", "/api/v1/kpis", null).named("DELETE the KPIs").expect(405, "METHOD_NOT_ALLOWED"));

        // headers
        cases.add(get(rid).header("X-Big", "b".repeat(9_000)).named("a 9,000-character header").expect(400, "REQUEST_REJECTED"));
        cases.add(post(rid + "/cancellation", cancellation).header("X-Actor", "кассир").named("a non-ASCII actor")
                .expect(400, "REQUEST_REJECTED"));
        cases.add(post(rid + "/cancellation", cancellation).header("X-Source-System", "pos\u0001")
                .named("a control character in a header").expect(400, "REQUEST_REJECTED"));
        cases.add(post(rid + "/cancellation", cancellation).header("X-Actor", "a\u0000b").named("a NUL in a header")
                .expect(400, "REQUEST_REJECTED"));
        cases.add(get(rid).header("Broken header without a colon", null).named("a header line without a colon")
                .expect(400, "REQUEST_REJECTED"));
        cases.add(post(rid + "/cancellation", cancellation).header("Transfer-Encoding", "chunked")
                .named("a length and chunked at once"));
        cases.add(get(rid).as(null).header("Authorization", "Basic !!!").named("garbled credentials")
                .expect(401, "UNAUTHENTICATED"));
        cases.add(post(rid + "/cancellation", cancellation).as(null).header("Authorization", RawHttp.basic("admin") + "x")
                .named("a wrong password").expect(401, "UNAUTHENTICATED"));
        cases.add(post(rid + "/cancellation", cancellation).as(null).header("Authorization", "Bearer not-a-token")
                .named("a bearer token in demo mode").expect(401, "UNAUTHENTICATED"));
        cases.add(post(rid + "/cancellation", cancellation).as("web-shop").accept("text/html")
                .named("a caller's Accept checked after its credentials"));

        // paths that name nothing: 404 for a signed-in caller, 401 for anyone else
        for (String unknown : List.of("/api/v1/nothing", "/api/v2/returns", rid + "/unknown", "/", "/index.html",
                "/actuator/env", "/error")) {
            cases.add(get(unknown).named("GET " + unknown).expect(404, "NOT_FOUND"));
        }
        cases.add(post("/api/v1/nothing", cancellation).named("POST to nothing").expect(404, "NOT_FOUND"));
        cases.add(get("/api/v1/nothing").as(null).named("nothing, not signed in").expect(401, "UNAUTHENTICATED"));
        cases.add(get("/api/v1/admin/processors").as("web-shop").named("a channel at the administration")
                .expect(403, "ACCESS_DENIED"));
        cases.add(post(rid + "/receipts", receipt).as("web-shop").named("a channel recording a receipt")
                .expect(403, "ACCESS_DENIED"));
        return cases;
    }

    private Hostile requestBody(String body) {
        return post("/api/v1/returns", body);
    }

    private Hostile post(String path, String body) {
        Hostile hostile = request("POST", path, body);
        return path.equals("/api/v1/returns") ? hostile.key(key()) : hostile;
    }

    private static Hostile post(String path, byte[] body) {
        return new Hostile("POST", path, body).contentType("application/json");
    }

    private static Hostile get(String path) {
        return request("GET", path, null);
    }

    private static Hostile request(String method, String path, String body) {
        Hostile hostile = new Hostile(method, path, body == null ? null : bytes(body, StandardCharsets.UTF_8));
        return body == null ? hostile : hostile.contentType("application/json");
    }

    private static byte[] bytes(String text, java.nio.charset.Charset charset) {
        return text.getBytes(charset);
    }

    private static final AtomicLong KEYS = new AtomicLong();

    private static String key() {
        return "hostile-" + KEYS.incrementAndGet();
    }

    /** One request; signed in as admin (who passes every role rule) and accepting JSON unless told otherwise. */
    static final class Hostile {
        final String method;
        final String target;
        final byte[] body;
        final List<Map.Entry<String, String>> headers = new ArrayList<>();
        String name;
        Integer status;
        String code;
        private String user = "admin";
        private String accept = "application/json";
        private String contentType;

        Hostile(String method, String target, byte[] body) {
            this.method = method;
            this.target = target;
            this.body = body;
            this.name = method + " " + target;
        }

        Hostile named(String name) {
            this.name = name;
            return this;
        }

        Hostile expect(int status, String code) {
            this.status = status;
            this.code = code;
            return this;
        }

        Hostile as(String user) {
            this.user = user;
            rebuild();
            return this;
        }

        Hostile accept(String accept) {
            this.accept = accept;
            rebuild();
            return this;
        }

        Hostile contentType(String contentType) {
            this.contentType = contentType;
            rebuild();
            return this;
        }

        Hostile key(String key) {
            return header("Idempotency-Key", key);
        }

        Hostile header(String name, String value) {
            extra.add(new java.util.AbstractMap.SimpleEntry<>(name, value));
            rebuild();
            return this;
        }

        private final List<Map.Entry<String, String>> extra = new ArrayList<>();

        private void rebuild() {
            headers.clear();
            if (user != null) {
                headers.add(Map.entry("Authorization", RawHttp.basic(user)));
            }
            headers.add(Map.entry("Accept", accept));
            if (contentType != null) {
                headers.add(Map.entry("Content-Type", contentType));
            }
            headers.addAll(extra);
        }

        {
            rebuild();
        }
    }

    /** The aggregates the requests aim at. */
    private List<String> watched;

    /** Events of the aggregates aimed at, and first events of any aggregate (a new return, period, ...). */
    private long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier IN (?, ?) "
                + "OR sequencenumber = 0", Long.class, watched.get(0), watched.get(1));
    }

    /** The set-up return's process runs its first steps (fraud score, label, warehouse advice) by itself. */
    private void awaitQuietEventStore() {
        AtomicLong last = new AtomicLong(-1);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(1_500))
                .until(() -> {
                    long now = events();
                    return last.getAndSet(now) == now;
                });
    }

    /** The codes of the README's Errors table: the catalogue clients read. */
    private static Set<String> documentedCodes() throws IOException {
        String readme = Files.readString(OpenApiContractTest.repositoryRoot().resolve("README.md"));
        int start = readme.indexOf("### Errors");
        String table = readme.substring(start, readme.indexOf("\n## ", start));
        Set<String> codes = new TreeSet<>();
        for (String row : table.split("\n")) {
            String[] cells = row.split("\\|");
            if (row.startsWith("| ") && cells.length > 2) {
                Matcher code = Pattern.compile("`([A-Z][A-Z_]+)`").matcher(cells[2]);
                while (code.find()) {
                    codes.add(code.group(1));
                }
            }
        }
        assertThat(codes).contains("VALIDATION_FAILED", "NOT_FOUND");
        return codes;
    }

    private static String abbreviated(String text) {
        return text == null || text.length() <= 120 ? text : text.substring(0, 120) + "…";
    }
}
