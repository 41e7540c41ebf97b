package io.omnireturns.platform.database.outage;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class DatabaseAvailabilityTest {

    private static final DatabaseOutageProperties SETTINGS =
            new DatabaseOutageProperties(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(5), true);

    private final AtomicInteger opened = new AtomicInteger();
    private volatile boolean refusing;
    private volatile Connection connection;

    private final DatabaseAvailability availability = new DatabaseAvailability(() -> {
        if (refusing) {
            throw new SQLException("Connection refused", "08001");
        }
        opened.incrementAndGet();
        return connection;
    }, SETTINGS, Clock.systemUTC());

    @Test
    void a_database_that_refuses_connections_is_unavailable_and_says_why() throws SQLException {
        connection = answering(true);
        refusing = true;

        DatabaseAvailability.State state = availability.check();

        assertThat(state.available()).isFalse();
        assertThat(state.reason()).contains("Connection refused");
        assertThat(availability.available()).isFalse();
    }

    @Test
    void a_refused_connection_or_a_server_shutting_down_counts_at_once() {
        assertThat(DatabaseAvailability.refused(new SQLException("Connection to localhost:5432 refused", "08001",
                new ConnectException("Connection refused")))).isTrue();
        assertThat(DatabaseAvailability.refused(new ConnectException("Connection refused"))).isTrue();
        assertThat(DatabaseAvailability.refused(
                new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
        assertThat(DatabaseAvailability.refused(new SQLException("the database system is starting up", "57P03")))
                .isTrue();
    }

    @Test
    void a_slow_login_or_too_many_connections_is_tolerated_once_and_counts_the_second_time_in_a_row() {
        List<SQLException> busy = List.of(
                new SQLException("The connection attempt failed.", "08001", new SocketTimeoutException("Read timed out")),
                new SQLException("sorry, too many clients already", "53300"));
        for (SQLException failure : busy) {
            DatabaseAvailability probe = new DatabaseAvailability(() -> {
                throw failure;
            }, SETTINGS, Clock.systemUTC());

            assertThat(probe.check().available()).as("once: %s", failure.getMessage()).isTrue();
            assertThat(probe.check().available()).as("twice in a row: %s", failure.getMessage()).isFalse();
            assertThat(probe.state().reason()).contains(failure.getMessage());
        }
    }

    @Test
    void a_connection_that_no_longer_answers_is_dropped_and_the_next_probe_opens_a_new_one() throws SQLException {
        Connection silent = answering(false);
        connection = silent;

        availability.check();
        verify(silent).close();

        connection = answering(true);
        assertThat(availability.check().available()).isTrue();
        assertThat(opened).hasValue(2);
    }

    @Test
    void one_answer_too_slow_is_tolerated_and_the_second_in_a_row_means_unavailable() throws SQLException {
        connection = answering(false);

        assertThat(availability.check().available()).as("once").isTrue();
        assertThat(availability.check().available()).as("twice in a row").isFalse();
        assertThat(availability.state().reason()).startsWith("no answer within");
    }

    @Test
    void recovery_steps_run_once_when_the_database_answers_again() throws SQLException {
        AtomicInteger recoveries = new AtomicInteger();
        availability.onRecovery(recoveries::incrementAndGet);
        Connection stoppedWithTheDatabase = mock(Connection.class);
        when(stoppedWithTheDatabase.isValid(anyInt())).thenAnswer(call -> !refusing);
        connection = stoppedWithTheDatabase;

        availability.check();
        refusing = true;
        availability.check();
        availability.check();
        refusing = false;
        availability.check();
        availability.check();

        assertThat(recoveries).hasValue(1);
        assertThat(availability.available()).isTrue();
    }

    @Test
    void losing_an_open_session_runs_the_session_loss_steps_even_when_the_database_answers_again_at_once()
            throws SQLException {
        AtomicInteger losses = sessionLossesCounted();
        Connection endedByARestart = mock(Connection.class);
        when(endedByARestart.isValid(anyInt())).thenReturn(true, false);
        when(endedByARestart.isClosed()).thenReturn(true); // what the driver does with a session it lost
        connection = endedByARestart;
        availability.check();
        assertThat(losses).hasValue(0);

        availability.check(); // the database restarted between two checks
        assertThat(losses).hasValue(1);

        connection = answering(true);
        assertThat(availability.check().available()).isTrue();
        assertThat(losses).hasValue(1);
    }

    @Test
    void a_slow_answer_on_an_open_session_and_a_session_that_never_answered_are_no_loss() throws SQLException {
        AtomicInteger losses = sessionLossesCounted();
        Connection busy = mock(Connection.class);
        when(busy.isValid(anyInt())).thenReturn(true, false); // open, only slow: the driver keeps it
        connection = busy;
        availability.check();
        availability.check();

        connection = answering(false);
        availability.check();
        refusing = true;
        availability.check();

        assertThat(losses).hasValue(0);
    }

    @Test
    void an_open_session_whose_check_throws_was_lost() throws SQLException {
        AtomicInteger losses = sessionLossesCounted();
        Connection broken = mock(Connection.class);
        when(broken.isValid(anyInt())).thenReturn(true)
                .thenThrow(new SQLException("This connection has been closed.", "08003"));
        connection = broken;

        availability.check();
        availability.check();

        assertThat(losses).hasValue(1);
    }

    @Test
    void a_session_that_answered_and_then_fails_is_lost_once_and_a_refused_reconnect_is_no_second_loss()
            throws SQLException {
        AtomicInteger losses = sessionLossesCounted();
        Connection stoppedWithTheDatabase = mock(Connection.class);
        when(stoppedWithTheDatabase.isValid(anyInt())).thenAnswer(call -> !refusing);
        when(stoppedWithTheDatabase.isClosed()).thenAnswer(call -> refusing); // the driver closes a lost session
        connection = stoppedWithTheDatabase;
        availability.check();

        refusing = true;
        availability.check();
        availability.check();
        refusing = false;
        availability.check();

        assertThat(losses).hasValue(1);
        assertThat(availability.available()).isTrue();
    }

    @Test
    void a_working_probe_connection_is_kept_between_checks() throws SQLException {
        connection = answering(true);

        availability.check();
        availability.check();

        assertThat(opened).hasValue(1);
    }

    @Test
    void an_error_escaping_one_probe_does_not_stop_the_probing() {
        AtomicInteger attempts = new AtomicInteger();
        DatabaseAvailability failing = new DatabaseAvailability(() -> {
            attempts.incrementAndGet();
            throw new StackOverflowError("escaping the probe");
        }, new DatabaseOutageProperties(Duration.ofMillis(10), Duration.ofSeconds(1), Duration.ofSeconds(5), true),
                Clock.systemUTC());

        failing.start();
        try {
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(attempts).hasValueGreaterThan(2));
        } finally {
            failing.stop();
        }
    }

    @Test
    void a_probe_that_has_not_reported_for_five_intervals_lets_calls_through_and_health_says_unknown() {
        MovableClock clock = new MovableClock();
        DatabaseAvailability hanging = new DatabaseAvailability(() -> {
            throw new SQLException("Connection refused", "08001");
        }, new DatabaseOutageProperties(Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofSeconds(5), true),
                clock);
        DatabaseHealthIndicator health = new DatabaseHealthIndicator(hanging);
        hanging.check();
        hanging.start();
        try {
            assertThat(hanging.available()).as("fresh news of an outage").isFalse();
            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);

            clock.advance(hanging.staleAfter().plusSeconds(1));

            assertThat(hanging.stale()).isTrue();
            assertThat(hanging.available()).as("stale news").isTrue();
            assertThat(health.health().getStatus()).isEqualTo(Status.UNKNOWN);
        } finally {
            hanging.stop();
        }
    }

    private static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-01-05T09:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** How many times the probe's session-loss steps run from now on. */
    private AtomicInteger sessionLossesCounted() {
        AtomicInteger losses = new AtomicInteger();
        availability.onSessionLost(losses::incrementAndGet);
        return losses;
    }

    private static Connection answering(boolean answers) throws SQLException {
        Connection connection = mock(Connection.class);
        when(connection.isValid(anyInt())).thenReturn(answers);
        return connection;
    }
}
