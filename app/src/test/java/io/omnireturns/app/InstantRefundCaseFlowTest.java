package io.omnireturns.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnireturns.api.orders.OrderSnapshot;
import io.omnireturns.command.connectors.orders.SandboxOrderSystem;
import io.omnireturns.command.connectors.payments.SandboxPaymentGateway;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With {@code omnireturns.policy.instant-refund.clawback=CASE}: the shortfall inspection finds after an early refund
 * goes to an agent as a CRM case, with its amount in the exception queue, and nothing is charged to the card.
 */
@AppIntegrationTest
@QuickProcessTiming
@TestPropertySource(properties = {
        "omnireturns.policy.instant-refund.enabled=true",
        "omnireturns.policy.instant-refund.clawback=CASE"})
class InstantRefundCaseFlowTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    Clock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SandboxOrderSystem orders;
    @Autowired
    SandboxPaymentGateway payments;
    @Autowired
    CommandGateway commands;

    @Test
    void a_shortfall_opens_a_crm_case_for_an_agent_and_charges_nothing() {
        ApiClient api = new ApiClient(rest);
        ProcessDriver driver = new ProcessDriver(api);
        InstantRefundScenario scenario = new InstantRefundScenario(clock, orders, driver, commands);
        OrderSnapshot order = scenario.register(scenario.trustedCustomer());
        String jackets = TestOrders.line(order, 1);
        String returnId = scenario.returnBothJacketsInTransit(order);
        await().atMost(ProcessDriver.PATIENCE).until(() -> payments.refunds().stream()
                .anyMatch(refund -> refund.returnId().equals(returnId)));

        scenario.receiveAndInspectOneTorn(returnId, order, jackets);
        driver.awaitStatus(returnId, "COMPLETED");

        await().atMost(ProcessDriver.PATIENCE).until(() -> InstantRefundScenario.eventTypes(jdbc, returnId)
                .contains("CaseOpened"));
        assertThat(InstantRefundScenario.eventTypes(jdbc, returnId)).containsSubsequence("ClawbackDecided",
                "ExceptionRaised").doesNotContain("ClawbackCharged");
        assertThat(payments.charges().stream().filter(charge -> charge.returnId().equals(returnId))).isEmpty();
        JsonNode open = await().atMost(ProcessDriver.PATIENCE).until(
                () -> api.get("/api/v1/exceptions?returnId=" + returnId).getBody(),
                body -> body != null && body.toString().contains("CLAWBACK_CASE"));
        assertThat(open.toString()).contains("107.94 EUR to recover from the customer");
    }
}
