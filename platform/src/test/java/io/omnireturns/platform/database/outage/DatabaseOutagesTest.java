package io.omnireturns.platform.database.outage;

import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.ErrorKind;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.queryhandling.QueryExecutionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.client.ResourceAccessException;

import java.net.SocketTimeoutException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseOutagesTest {

    @Test
    void a_pool_time_out_inside_an_axon_command_failure_is_an_outage() {
        Throwable failure = new CommandExecutionException("command failed", new EventStoreException("append failed",
                new CannotGetJdbcConnectionException("no connection",
                        new SQLTransientConnectionException("Connection is not available, request timed out"))));

        assertThat(DatabaseOutages.isOutage(failure)).isTrue();
    }

    @Test
    void a_server_shutting_down_under_a_query_in_a_future_is_an_outage() {
        SQLException terminated = new SQLException("terminating connection due to administrator command", "57P01");
        Throwable failure = new CompletionException(new QueryExecutionException("query failed",
                new IllegalStateException("handler failed", terminated)));

        assertThat(DatabaseOutages.isOutage(failure)).isTrue();
    }

    @Test
    void a_connection_lost_in_a_batch_is_an_outage_through_the_next_exception() {
        BatchUpdateException batch = new BatchUpdateException("batch entry 0 was aborted", "XX000", new int[0]);
        batch.setNextException(new SQLException("An I/O error occurred while sending to the backend", "08006"));

        assertThat(DatabaseOutages.isOutage(new RuntimeException(batch))).isTrue();
    }

    @Test
    void a_statement_on_a_connection_the_pool_evicted_as_broken_is_an_outage() {
        // what Hikari throws, with no SQL state, when a unit of work goes on using a connection the server dropped
        Throwable failure = new CommandExecutionException("load failed", new JdbcException(
                "Failed to create a SQL statement", new SQLException("Connection is closed")));

        assertThat(DatabaseOutages.isOutage(failure)).isTrue();
        assertThat(DatabaseOutages.isOutage(new SQLException("Connection is closed", "42000"))).isFalse();
    }

    @Test
    void a_transaction_that_cannot_start_is_an_outage() {
        assertThat(DatabaseOutages.isOutage(new CannotCreateTransactionException("no connection"))).isTrue();
    }

    @Test
    void a_business_refusal_a_unique_violation_and_a_connector_time_out_are_not() {
        assertThat(DatabaseOutages.isOutage(new DomainException(ErrorKind.ILLEGAL_STATE, "RETURN_IS_TERMINAL", "no")))
                .isFalse();
        assertThat(DatabaseOutages.isOutage(new DataIntegrityViolationException("duplicate",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(DatabaseOutages.isOutage(new ResourceAccessException("payment gateway",
                new SocketTimeoutException("Read timed out")))).isFalse();
    }

    @Test
    void a_cause_chain_that_loops_ends() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);

        assertThat(DatabaseOutages.isOutage(first)).isFalse();
    }
}
