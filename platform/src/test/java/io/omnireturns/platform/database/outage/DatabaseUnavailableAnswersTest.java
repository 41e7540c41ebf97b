package io.omnireturns.platform.database.outage;

import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.ErrorKind;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class DatabaseUnavailableAnswersTest {

    private final DatabaseUnavailableProblem problem = new DatabaseUnavailableProblem(Duration.ofSeconds(5));

    @Test
    void a_handler_failing_on_the_database_is_answered_503_problem_details_with_retry_after() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        Object handled = new DatabaseOutageResolver(problem).resolveException(
                new MockHttpServletRequest("GET", "/api/v1/returns/R-1"), response, null,
                new IllegalStateException(new CannotCreateTransactionException("Could not open JDBC Connection")));

        assertThat(handled).isNotNull();
        assertUnavailable(response);
    }

    @Test
    void a_failure_on_the_database_has_the_probe_look_at_once_and_no_other_does() {
        java.util.concurrent.atomic.AtomicInteger told = new java.util.concurrent.atomic.AtomicInteger();
        DatabaseOutageResolver resolver = new DatabaseOutageResolver(problem, told::incrementAndGet);

        resolver.resolveException(new MockHttpServletRequest("GET", "/api/v1/returns/R-1"),
                new MockHttpServletResponse(), null, new CannotCreateTransactionException("Could not open JDBC Connection"));
        resolver.resolveException(new MockHttpServletRequest("POST", "/api/v1/returns"), new MockHttpServletResponse(),
                null, new DomainException(ErrorKind.RULE_VIOLATION, "ORDER_NOT_FOUND", "no such order"));

        assertThat(told).hasValue(1);
    }

    @Test
    void any_other_failure_is_left_to_the_problem_details_advice() {
        Object handled = new DatabaseOutageResolver(problem).resolveException(
                new MockHttpServletRequest("POST", "/api/v1/returns"), new MockHttpServletResponse(), null,
                new DomainException(ErrorKind.RULE_VIOLATION, "ORDER_NOT_FOUND", "no such order"));

        assertThat(handled).isNull();
    }

    @Test
    void while_the_probe_finds_the_database_down_api_calls_are_answered_at_once() throws Exception {
        DatabaseRequestGate gate = new DatabaseRequestGate(availability(false), problem);
        MockHttpServletRequest call = new MockHttpServletRequest("POST", "/api/v1/returns");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        gate.doFilter(call, response, chain);

        assertThat(chain.getRequest()).as("the call went no further").isNull();
        assertUnavailable(response);
    }

    @Test
    void health_passes_the_gate_during_an_outage_and_api_calls_pass_when_the_database_answers() throws Exception {
        MockFilterChain health = new MockFilterChain();
        new DatabaseRequestGate(availability(false), problem).doFilter(
                new MockHttpServletRequest("GET", "/actuator/health"), new MockHttpServletResponse(), health);
        MockFilterChain api = new MockFilterChain();
        new DatabaseRequestGate(availability(true), problem).doFilter(
                new MockHttpServletRequest("GET", "/api/v1/returns"), new MockHttpServletResponse(), api);

        assertThat(health.getRequest()).isNotNull();
        assertThat(api.getRequest()).isNotNull();
    }

    private static void assertUnavailable(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString())
                .contains("\"code\":\"DATABASE_UNAVAILABLE\"", "\"status\":503", "\"title\":\"DATABASE_UNAVAILABLE\"");
    }

    private static DatabaseAvailability availability(boolean available) {
        DatabaseAvailability availability = mock(DatabaseAvailability.class);
        when(availability.available()).thenReturn(available);
        return availability;
    }
}
