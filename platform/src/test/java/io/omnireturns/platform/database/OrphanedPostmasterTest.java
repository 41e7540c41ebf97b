package io.omnireturns.platform.database;

import io.omnireturns.platform.database.OrphanedPostmaster.Finding;
import io.omnireturns.platform.database.OrphanedPostmaster.RunningProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What a start makes of the {@code postmaster.pid} a previous run left, for every kind of process behind its pid. */
class OrphanedPostmasterTest {

    private static final Instant STARTED = Instant.parse("2026-12-03T07:00:00Z");
    private static final String POSTGRES = "/tmp/embedded-pg/PG-8633e0cc/bin/postgres";

    @TempDir
    Path dataDirectory;

    @Test
    void a_directory_without_a_pid_file_was_stopped_cleanly() {
        assertThat(OrphanedPostmaster.inspect(dataDirectory, Optional.empty(), Optional.empty()))
                .isEqualTo(Finding.NOTHING);
    }

    @Test
    void a_pid_that_no_longer_runs_leaves_a_stale_file_for_postgres_to_replace() {
        assertThat(inspect(pidFile(dataDirectory), null)).isEqualTo(Finding.STALE_PID_FILE);
    }

    @Test
    void the_postgres_running_on_this_directory_is_the_orphan_whatever_the_clock_says_since() {
        RunningProcess postmaster = process(STARTED.plusSeconds(3600), POSTGRES, "-D", dataDirectory.toString(), "-p",
                "5432", "-F");

        assertThat(inspect(pidFile(dataDirectory), postmaster)).isEqualTo(Finding.ORPHAN);
    }

    @Test
    void the_postgres_running_on_this_directory_is_the_orphan_even_after_its_binaries_were_deleted() {
        RunningProcess postmaster = process(STARTED, POSTGRES + " (deleted)", "-D", dataDirectory.toString());

        assertThat(inspect(pidFile(dataDirectory), postmaster)).isEqualTo(Finding.ORPHAN);
    }

    @Test
    void a_relative_data_directory_argument_is_read_from_the_postmasters_own_working_directory() {
        RunningProcess postmaster = new RunningProcess(4711, Optional.of(STARTED), Optional.of(POSTGRES),
                Optional.of(List.of("-D", dataDirectory.getFileName().toString())),
                Optional.of(dataDirectory.getParent()));

        assertThat(inspect(pidFile(dataDirectory), postmaster)).isEqualTo(Finding.ORPHAN);
    }

    @Test
    void a_relative_data_directory_argument_from_another_working_directory_is_another_directory() {
        RunningProcess otherPostgres = new RunningProcess(4711, Optional.of(STARTED), Optional.of(POSTGRES),
                Optional.of(List.of("-D" + dataDirectory.getFileName())), Optional.of(Path.of("/var/lib")));

        assertThat(inspect(pidFile(dataDirectory), otherPostgres)).isEqualTo(Finding.PID_REUSED);
    }

    @Test
    void a_pid_now_held_by_another_program_is_a_reused_pid_never_an_orphan() {
        RunningProcess shell = process(STARTED, "/usr/bin/bash", "-c", "postgres -D " + dataDirectory);

        assertThat(inspect(pidFile(dataDirectory), shell)).isEqualTo(Finding.PID_REUSED);
    }

    @Test
    void a_pid_now_held_by_the_postgres_of_another_directory_is_a_reused_pid_never_an_orphan() {
        RunningProcess systemPostgres = process(STARTED, "/usr/lib/postgresql/17/bin/postgres",
                "-D/var/lib/postgresql/17/main");

        assertThat(inspect(pidFile(dataDirectory), systemPostgres)).isEqualTo(Finding.PID_REUSED);
    }

    @Test
    void without_readable_arguments_a_postgres_started_when_the_file_says_is_the_orphan() {
        RunningProcess postmaster = new RunningProcess(4711, Optional.of(STARTED.minusMillis(700)),
                Optional.of(POSTGRES), Optional.empty(), Optional.empty());

        assertThat(inspect(pidFile(dataDirectory), postmaster)).isEqualTo(Finding.ORPHAN);
    }

    @Test
    void without_readable_arguments_a_postgres_started_at_another_time_is_left_alone() {
        RunningProcess postgres = new RunningProcess(4711, Optional.of(STARTED.plusSeconds(3600)),
                Optional.of(POSTGRES), Optional.empty(), Optional.empty());

        assertThat(inspect(pidFile(dataDirectory), postgres)).isEqualTo(Finding.UNIDENTIFIED);
    }

    @Test
    void a_process_whose_program_cannot_be_read_is_left_alone() {
        RunningProcess unreadable = new RunningProcess(4711, Optional.of(STARTED), Optional.empty(), Optional.empty(),
                Optional.empty());

        assertThat(inspect(pidFile(dataDirectory), unreadable)).isEqualTo(Finding.UNIDENTIFIED);
    }

    @Test
    void the_pid_file_is_read_from_its_first_three_lines() {
        List<String> written = List.of("4711", "/srv/omnireturns/data/postgres", "1764745200", "5432",
                "/tmp", "localhost", "  1234567     98304", "ready   ");

        assertThat(PostmasterPidFile.parse(written)).contains(new PostmasterPidFile(4711,
                Path.of("/srv/omnireturns/data/postgres"), Instant.ofEpochSecond(1764745200)));
        assertThat(PostmasterPidFile.parse(List.of("4711"))).as("cut short by a crash").isEmpty();
        assertThat(PostmasterPidFile.parse(List.of("", "", ""))).as("empty lines").isEmpty();
    }

    private Finding inspect(PostmasterPidFile pidFile, RunningProcess process) {
        return OrphanedPostmaster.inspect(dataDirectory, Optional.of(pidFile), Optional.ofNullable(process));
    }

    private static RunningProcess process(Instant startedAt, String command, String... arguments) {
        return new RunningProcess(4711, Optional.of(startedAt), Optional.of(command), Optional.of(List.of(arguments)),
                Optional.of(Path.of("/")));
    }

    private static PostmasterPidFile pidFile(Path dataDirectory) {
        return new PostmasterPidFile(4711, dataDirectory, STARTED);
    }
}
