package io.omnireturns.command.orchestration;

import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.ErrorKind;
import io.omnireturns.api.ledger.ReleaseReturnQuantities;
import io.omnireturns.api.returns.LineDecision;
import io.omnireturns.api.returns.event.ReturnRejected;
import io.omnireturns.command.orchestration.engine.LocalCommands;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

/**
 * The release leaves the processor: it is sent once the event's batch has committed, from another thread, and a
 * technical failure is tried again there while a domain answer is taken as final.
 */
class OrderLedgerReleasePolicyTest {

    private static final ReturnRejected REJECTED = new ReturnRejected("RET-1", "ORD-1004",
            List.of(new LineDecision("ORD-1004-L1", 1, 0, List.of("RETURN_WINDOW_EXPIRED"))));
    private static final ReleaseReturnQuantities CLOSING_RELEASE = new ReleaseReturnQuantities("ORD-1004", "RET-1",
            "RET-1:closed", Map.of(), "rejected");

    private final List<CommandMessage<?>> sent = new CopyOnWriteArrayList<>();
    private final List<String> sentOn = new CopyOnWriteArrayList<>();
    private LocalCommands commands;

    @AfterEach
    void stop() {
        commands.destroy();
    }

    @Test
    void a_release_is_sent_only_after_the_events_batch_committed_and_never_on_the_processors_thread() {
        commands = new LocalCommands(answering(attempt -> CompletableFuture.completedFuture(null)));
        OrderLedgerReleasePolicy policy = new OrderLedgerReleasePolicy(commands);
        var event = GenericEventMessage.asEventMessage(REJECTED).andMetaData(MetaData.with("correlationId", "c-1"));
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(event);
        batch.registerCorrelationDataProvider(message -> Map.of("correlationId", "c-1"));

        policy.on(REJECTED);
        assertThat(sent).as("nothing before the commit").isEmpty();
        batch.commit();

        await().atMost(Duration.ofSeconds(5)).until(() -> sent.size() == 1);
        assertThat(sent.get(0).getPayload()).isEqualTo(CLOSING_RELEASE);
        assertThat(sent.get(0).getMetaData()).containsEntry("correlationId", "c-1");
        assertThat(sentOn.get(0)).isNotEqualTo(Thread.currentThread().getName());
    }

    @Test
    void a_rejected_return_of_an_order_that_never_held_anything_releases_nothing_and_does_not_stall_the_processor() {
        commands = new LocalCommands(answering(attempt -> CompletableFuture.failedFuture(
                new AggregateNotFoundException("ORD-1004", "no ledger for this order"))));
        OrderLedgerReleasePolicy policy = new OrderLedgerReleasePolicy(commands);

        assertThatCode(() -> policy.on(REJECTED)).doesNotThrowAnyException();

        await().atMost(Duration.ofSeconds(5)).until(() -> sent.size() == 1);
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(2)).until(() -> sent.size() == 1);
    }

    @Test
    void a_release_that_fails_for_a_technical_reason_is_sent_again_until_it_is_taken() {
        AtomicInteger attempts = new AtomicInteger();
        commands = new LocalCommands(answering(attempt -> attempts.incrementAndGet() == 1
                ? CompletableFuture.failedFuture(new IllegalStateException("connection refused"))
                : CompletableFuture.completedFuture(null)));
        OrderLedgerReleasePolicy policy = new OrderLedgerReleasePolicy(commands);

        policy.on(REJECTED);

        await().atMost(Duration.ofSeconds(5)).until(() -> sent.size() == 2);
        assertThat(sent).allSatisfy(command -> assertThat(command.getPayload()).isEqualTo(CLOSING_RELEASE));
    }

    @Test
    void a_release_the_ledger_refuses_is_not_sent_again() {
        commands = new LocalCommands(answering(attempt -> CompletableFuture.failedFuture(
                new DomainException(ErrorKind.RULE_VIOLATION, "RELEASE_REFUSED", "no"))));
        OrderLedgerReleasePolicy policy = new OrderLedgerReleasePolicy(commands);

        policy.on(REJECTED);

        await().atMost(Duration.ofSeconds(5)).until(() -> sent.size() == 1);
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(2)).until(() -> sent.size() == 1);
    }

    private OutcomeRecorder answering(Function<CommandMessage<?>, CompletableFuture<Object>> answer) {
        return command -> {
            sent.add(command);
            sentOn.add(Thread.currentThread().getName());
            return answer.apply(command);
        };
    }
}
