package io.omnireturns.distribution.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnireturns.command.connectors.orders.SandboxOrderSystem;
import io.omnireturns.distribution.DistributionIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;

import static io.omnireturns.distribution.webhooks.WebhookApi.INITIATED;
import static io.omnireturns.distribution.webhooks.WebhookApi.NEW_SECRET;
import static io.omnireturns.distribution.webhooks.WebhookApi.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

/** Operations manage subscriptions through the API: bad input changes nothing, and no answer ever holds a secret. */
@DistributionIntegrationTest
class WebhookSubscriptionApiTest {

    private static final String SUBSCRIPTIONS = "/api/v1/webhooks/subscriptions";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    SandboxOrderSystem orders;
    @Autowired
    JdbcTemplate jdbc;

    private WebhookApi api;

    @BeforeEach
    void api() {
        api = new WebhookApi(rest, orders);
    }

    @Test
    void a_registered_subscription_is_answered_without_its_secret_anywhere() {
        ResponseEntity<String> created = api.call("operations", HttpMethod.POST, SUBSCRIPTIONS, Map.of(
                "url", "http://localhost:1/crm", "eventTypes", List.of(INITIATED), "secret", SECRET,
                "description", "CRM"));
        String id = api.ok(created).path("subscriptionId").asText();
        ResponseEntity<String> rotated = api.call("operations", HttpMethod.POST, SUBSCRIPTIONS + "/" + id
                + "/secret-rotation", Map.of("secret", NEW_SECRET));

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(created.getHeaders().getLocation()).hasPath(SUBSCRIPTIONS + "/" + id);
        JsonNode view = api.subscription(id);
        assertThat(view.path("url").asText()).isEqualTo("http://localhost:1/crm");
        assertThat(view.path("state").asText()).isEqualTo("ACTIVE");
        assertThat(api.ok(rotated).path("previousSecretValidUntil").asText()).isNotEmpty();
        for (ResponseEntity<String> answer : List.of(created, rotated,
                api.call("operations", HttpMethod.GET, SUBSCRIPTIONS, null),
                api.call("operations", HttpMethod.GET, SUBSCRIPTIONS + "/" + id, null))) {
            assertThat(answer.getBody()).doesNotContain(SECRET.substring(6), NEW_SECRET.substring(6), "secret\"");
        }
    }

    @Test
    void operations_switch_a_subscription_off_and_on_again() {
        String id = api.subscribe("http://localhost:1/erp");

        JsonNode off = api.ok(api.call("operations", HttpMethod.POST, SUBSCRIPTIONS + "/" + id + "/deactivation",
                Map.of()));
        JsonNode on = api.ok(api.call("operations", HttpMethod.POST, SUBSCRIPTIONS + "/" + id + "/activation",
                Map.of()));

        assertThat(off.path("state").asText()).isEqualTo("DISABLED");
        assertThat(off.path("stateReason").asText()).isEqualTo("switched off by operations");
        assertThat(on.path("state").asText()).isEqualTo("ACTIVE");
        assertThat(on.path("stateReason").isMissingNode()).isTrue();
        assertRefused("operations", HttpMethod.POST, SUBSCRIPTIONS + "/no-such-subscription/deactivation", Map.of(),
                404, "SUBSCRIPTION_NOT_FOUND");
    }

    @Test
    void bad_input_is_refused_with_its_code_and_registers_nothing() {
        int before = count();
        Map<String, Object> valid = Map.of("url", "https://localhost/crm", "eventTypes", List.of(INITIATED),
                "secret", SECRET);

        assertRefused(with(valid, "url", "ftp://localhost/crm"), 400, "INVALID_WEBHOOK_URL");
        assertRefused(with(valid, "url", "https://ops:pw@localhost/crm"), 400, "INVALID_WEBHOOK_URL");
        assertRefused(with(valid, "eventTypes", List.of("io.omnireturns.return.exploded.v1")), 400,
                "UNKNOWN_EVENT_TYPE");
        assertRefused(with(valid, "eventTypes", List.of()), 400, "VALIDATION_FAILED");
        ResponseEntity<String> badSecret = assertRefused(with(valid, "secret", "not-a-whsec-secret"), 400,
                "INVALID_WEBHOOK_SECRET");
        assertThat(badSecret.getBody()).doesNotContain("not-a-whsec-secret");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void the_allow_list_refuses_internal_addresses_and_plain_http_elsewhere() {
        int before = count();
        Map<String, Object> valid = Map.of("url", "https://localhost/crm", "eventTypes", List.of(INITIATED),
                "secret", SECRET);

        // the tests allow 127.0.0.0/8 and http to localhost only: everything else internal stays refused
        for (String url : List.of("https://169.254.169.254/latest/meta-data", "https://10.0.0.1/crm",
                "https://192.168.0.10/crm", "https://[fd00:ec2::254]/crm", "http://127.0.0.1/crm")) {
            JsonNode refusal = WebhookApi.read(assertRefused(with(valid, "url", url), 422, "WEBHOOK_URL_NOT_ALLOWED")
                    .getBody());
            assertThat(refusal.path("detail").asText()).as(url).isNotBlank();
        }
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void only_operations_and_admin_manage_subscriptions() {
        Map<String, Object> valid = Map.of("url", "https://localhost/crm", "eventTypes", List.of(INITIATED),
                "secret", SECRET);
        int before = count();

        for (String user : List.of("finance", "service-agent", "auditor", "web-shop")) {
            ResponseEntity<String> refused = api.call(user, HttpMethod.POST, SUBSCRIPTIONS, valid);
            assertThat(refused.getStatusCode().value()).as(user).isEqualTo(403);
            assertThat(api.call(user, HttpMethod.GET, "/api/v1/webhooks/dead-letters", null).getStatusCode().value())
                    .as(user).isEqualTo(403);
        }
        assertThat(count()).isEqualTo(before);
        assertThat(api.call("admin", HttpMethod.GET, SUBSCRIPTIONS, null).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void unknown_subscriptions_and_dead_letters_are_named_as_such() {
        assertRefused("operations", HttpMethod.GET, SUBSCRIPTIONS + "/no-such-subscription", null, 404,
                "SUBSCRIPTION_NOT_FOUND");
        assertRefused("operations", HttpMethod.GET, SUBSCRIPTIONS + "/no-such-subscription/deliveries", null, 404,
                "SUBSCRIPTION_NOT_FOUND");
        assertRefused("operations", HttpMethod.POST, "/api/v1/webhooks/dead-letters/987654321/redelivery", Map.of(),
                404, "DEAD_LETTER_NOT_FOUND");
    }

    private int count() {
        return jdbc.queryForObject("select count(*) from webhook_subscription", Integer.class);
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new java.util.HashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    private ResponseEntity<String> assertRefused(Map<String, Object> body, int status, String code) {
        return assertRefused("operations", HttpMethod.POST, SUBSCRIPTIONS, body, status, code);
    }

    private ResponseEntity<String> assertRefused(String user, HttpMethod method, String path, Object body, int status,
                                                 String code) {
        ResponseEntity<String> answer = api.call(user, method, path, body);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
        assertThat(WebhookApi.read(answer.getBody()).path("code").asText()).as(answer.getBody()).isEqualTo(code);
        return answer;
    }
}
