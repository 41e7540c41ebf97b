package io.omnireturns.command.ledger;

import io.omnireturns.api.ledger.ReleaseReturnQuantities;
import io.omnireturns.api.returns.LineDecision;
import io.omnireturns.api.returns.event.ReturnRejected;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class OrderLedgerReleasePolicyTest {

    @Test
    void a_rejected_return_of_an_order_that_never_held_anything_releases_nothing_and_does_not_stall_the_processor() {
        CommandGateway commands = mock(CommandGateway.class);
        when(commands.sendAndWait(any(ReleaseReturnQuantities.class)))
                .thenThrow(new AggregateNotFoundException("ORD-1004", "no ledger for this order"));
        OrderLedgerReleasePolicy policy = new OrderLedgerReleasePolicy(commands);

        assertThatCode(() -> policy.on(new ReturnRejected("RET-1", "ORD-1004",
                List.of(new LineDecision("ORD-1004-L1", 1, 0, List.of("RETURN_WINDOW_EXPIRED"))))))
                .doesNotThrowAnyException();
        verify(commands).sendAndWait(new ReleaseReturnQuantities("ORD-1004", "RET-1", "RET-1:closed", Map.of(), "rejected"));
    }
}
