package io.omnireturns.platform.observability;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.NamedContributor;
import org.springframework.boot.actuate.health.Status;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectorsHealthContributorTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ConnectorMeters meters = new ConnectorMeters(registry);
    private final ConnectorsHealthContributor health = new ConnectorsHealthContributor(registry);

    @Test
    void a_connector_whose_circuit_is_open_is_down_while_the_others_stay_up() {
        AtomicReference<String> payments = new AtomicReference<>("CLOSED");
        AtomicReference<String> erp = new AtomicReference<>("CLOSED");
        meters.registerCircuit("payments", payments, AtomicReference::get);
        meters.registerCircuit("erp", erp, AtomicReference::get);

        payments.set("OPEN");

        assertThat(status("payments")).isEqualTo(Status.DOWN);
        assertThat(status("erp")).isEqualTo(Status.UP);
        payments.set("HALF_OPEN");
        assertThat(status("payments")).isEqualTo(Status.UP);
    }

    @Test
    void with_sandboxes_only_there_is_one_member_and_it_is_up() {
        List<String> members = new ArrayList<>();
        for (NamedContributor<?> member : health) {
            members.add(member.getName());
        }

        assertThat(members).containsExactly("sandbox");
        assertThat(status("sandbox")).isEqualTo(Status.UP);
    }

    private Status status(String connector) {
        return ((HealthIndicator) health.getContributor(connector)).health().getStatus();
    }
}
