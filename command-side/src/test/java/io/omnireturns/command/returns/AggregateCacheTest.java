package io.omnireturns.command.returns;

import io.omnireturns.command.WebReturnRequests;
import io.omnireturns.command.CommandSideIntegrationTest;
import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.command.CancelReturn;
import io.omnireturns.api.returns.command.RecordCustomerNotified;
import io.omnireturns.api.returns.event.CustomerNotified;
import io.omnireturns.api.returns.event.ReturnCancelled;
import io.omnireturns.command.connectors.orders.DemoOrders;
import io.omnireturns.command.connectors.orders.SandboxOrderSystem;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import io.omnireturns.command.config.CommandSideProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.lang.ref.Reference;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Returns stay cached between commands, on any database: every hit is checked against the store (the aggregate's last
 * sequence number), so a copy that missed an append by another writer is a miss and the command decides on the return
 * as stored, even one that refuses or has nothing to append. An entry put by a transaction that then fails is evicted.
 */
@CommandSideIntegrationTest
class AggregateCacheTest {


    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SandboxOrderSystem orders;
    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore eventStore;
    @Autowired
    Cache aggregateCache;
    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void aCommandAfterAnotherNodeAppendedDecidesOnTheStoredReturnNotTheCachedOne() throws Exception {
        String orderId = "C-" + UUID.randomUUID().toString().substring(0, 8);
        String returnId = requestReturn(orderId);
        commands.sendAndWait(new RecordCustomerNotified(returnId, "RECEIVED", "EMAIL"));
        // held here, so the garbage collector cannot clear the weakly referenced entry before the next command
        Object cached = aggregateCache.get(returnId);
        assertThat(cached).as("the return is cached").isNotNull();

        cancelBehindTheCachesBack(returnId, orderId);

        // appends nothing (already notified of RECEIVED): on the cached copy it would answer the old status
        assertThat(commands.<ReturnStatus>sendAndWait(new RecordCustomerNotified(returnId, "RECEIVED", "EMAIL")))
                .as("a command that appends nothing sees the return as stored").isEqualTo(ReturnStatus.CANCELLED);
        assertThatThrownBy(() -> commands.sendAndWait(new CancelReturn(returnId, "again", "this-node")))
                .isInstanceOfSatisfying(DomainException.class,
                        refused -> assertThat(refused.code()).isEqualTo(ReturnErrors.RETURN_NOT_CANCELLABLE));
        Reference.reachabilityFence(cached);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? "
                + "AND payloadtype = ?", Integer.class, returnId, ReturnCancelled.class.getName()))
                .as("cancelled once, by the other node").isEqualTo(1);
    }

    @Test
    void aReturnChangedInATransactionThatRolledBackIsNotServedFromTheCache() throws Exception {
        String orderId = "C-" + UUID.randomUUID().toString().substring(0, 8);
        String returnId = requestReturn(orderId);
        TransactionTemplate outer = new TransactionTemplate(transactionManager);

        outer.executeWithoutResult(transaction -> {
            commands.sendAndWait(new RecordCustomerNotified(returnId, "RECEIVED", "EMAIL"));
            transaction.setRollbackOnly();
        });
        commands.sendAndWait(new RecordCustomerNotified(returnId, "RECEIVED", "EMAIL"));

        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? "
                + "AND payloadtype = ?", Integer.class, returnId, CustomerNotified.class.getName()))
                .as("the notification rolled back is recorded by the next command").isEqualTo(1);
    }

    @Test
    void theCacheIsOnByDefaultOnAnyDatabase() {
        CommandSideProperties unset = new CommandSideProperties(50, 5, Duration.ofMillis(25), Duration.ofSeconds(10),
                Duration.ofSeconds(30), Duration.ofDays(30), Duration.ofHours(1), null);
        CommandSideProperties none = new CommandSideProperties(50, 5, Duration.ofMillis(25), Duration.ofSeconds(10),
                Duration.ofSeconds(30), Duration.ofDays(30), Duration.ofHours(1),
                CommandSideProperties.AggregateCache.NONE);

        assertThat(unset.aggregateCacheOrDefault()).isEqualTo(CommandSideProperties.AggregateCache.WEAK_REFERENCE);
        assertThat(none.aggregateCacheOrDefault()).isEqualTo(CommandSideProperties.AggregateCache.NONE);
    }

    /** Another node cancels the return: this node's cached copy knows nothing of it. */
    private void cancelBehindTheCachesBack(String returnId, String orderId) {
        long next = jdbc.queryForObject("SELECT max(sequencenumber) FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, returnId) + 1;
        eventStore.publish(new GenericDomainEventMessage<>("ReturnAggregate", returnId, next,
                new ReturnCancelled(returnId, orderId, "changed mind", "other-node")));
    }

    private String requestReturn(String orderId) throws Exception {
        orders.register(DemoOrders.copyUnder(orders.findOrder(DemoOrders.WEB_APPAREL_ORDER_ID).orElseThrow(), orderId));
        return WebReturnRequests.requestOneJacket(mvc, orderId);
    }
}
