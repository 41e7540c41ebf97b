package io.omnireturns.platform.database;

import io.omnireturns.platform.database.DataDirectoryLock.DataDirectoryInUseException;
import io.omnireturns.platform.database.OrphanedPostmaster.Finding;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The kill -9 cases on real PostgreSQL processes. The service's part runs in a child JVM ({@link DataDirectoryHolder})
 * that the test kills with SIGKILL, as the OOM killer would; what is left in the data directory is then cleared the
 * way the next start clears it, and PostgreSQL starts again there with what was committed before the kill.
 */
class OrphanedPostmasterOnPostgresTest {

    @TempDir
    Path work;

    private Path dataDirectory;
    private final List<Process> started = new ArrayList<>();

    @BeforeEach
    void dataDirectory() {
        dataDirectory = work.resolve("postgres");
    }

    @Test
    void a_live_service_keeps_its_directory_and_once_killed_its_orphaned_postgres_is_stopped_and_the_data_is_kept() {
        DataDirectoryHolder.Running service = startHolder();
        insert(service.port(), "committed before the kill");
        long postmaster = postmasterPid().orElseThrow();

        assertThatThrownBy(() -> DataDirectoryLock.acquire(dataDirectory))
                .isInstanceOf(DataDirectoryInUseException.class)
                .hasMessageContaining("in use by the service with pid " + service.process().pid());

        service.kill();
        assertThat(isRunning(postmaster)).as("the killed service's PostgreSQL runs on").isTrue();

        try (DataDirectoryLock lock = DataDirectoryLock.acquire(dataDirectory)) {
            assertThat(OrphanedPostmaster.clear(dataDirectory, Duration.ofSeconds(30))).isEqualTo(Finding.ORPHAN);
            assertThat(isRunning(postmaster)).as("the orphan").isFalse();
            assertThat(dataDirectory.resolve(PostmasterPidFile.NAME)).as("removed by its clean shutdown").doesNotExist();
            assertThat(rowsAfterRestart()).containsExactly("committed before the kill");
        }
    }

    @Test
    void after_the_whole_process_group_was_killed_postgres_replaces_the_stale_pid_file_and_recovers_by_itself() {
        DataDirectoryHolder.Running service = startHolder();
        insert(service.port(), "committed before the kill");
        ProcessHandle postmaster = ProcessHandle.of(postmasterPid().orElseThrow()).orElseThrow();
        List<ProcessHandle> backends = postmaster.descendants().toList();

        service.kill();
        postmaster.destroyForcibly();
        backends.forEach(ProcessHandle::destroyForcibly);
        postmaster.onExit().orTimeout(10, TimeUnit.SECONDS).join();
        backends.forEach(backend -> backend.onExit().orTimeout(10, TimeUnit.SECONDS).join());

        try (DataDirectoryLock lock = DataDirectoryLock.acquire(dataDirectory)) {
            assertThat(OrphanedPostmaster.clear(dataDirectory, Duration.ofSeconds(30))).isEqualTo(Finding.STALE_PID_FILE);
            assertThat(dataDirectory.resolve(PostmasterPidFile.NAME)).as("left to PostgreSQL").exists();
            assertThat(rowsAfterRestart()).containsExactly("committed before the kill");
        }
    }

    @Test
    void a_pid_file_naming_a_live_unrelated_process_is_removed_and_that_process_is_left_running() throws Exception {
        try (EmbeddedPostgres stoppedCleanly = EmbeddedPostgres.builder().setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false).setRegisterShutdownHook(false).start()) {
            insert(stoppedCleanly.getPort(), "committed before the reboot");
        }
        Process unrelated = new ProcessBuilder("sleep", "120").start();
        started.add(unrelated);
        // as if the machine rebooted and the pid went to another program since
        long startedAt = unrelated.info().startInstant().orElseThrow().getEpochSecond();
        Files.write(dataDirectory.resolve(PostmasterPidFile.NAME), List.of(String.valueOf(unrelated.pid()),
                dataDirectory.toString(), String.valueOf(startedAt), "5432", "/tmp", "localhost", "", "ready   "));

        try (DataDirectoryLock lock = DataDirectoryLock.acquire(dataDirectory)) {
            assertThat(OrphanedPostmaster.clear(dataDirectory, Duration.ofSeconds(30))).isEqualTo(Finding.PID_REUSED);
            assertThat(unrelated.isAlive()).as("the unrelated process").isTrue();
            assertThat(dataDirectory.resolve(PostmasterPidFile.NAME)).as("the stale file").doesNotExist();
            assertThat(rowsAfterRestart()).containsExactly("committed before the reboot");
        }
    }

    @AfterEach
    void stopEverythingStarted() {
        started.forEach(Process::destroyForcibly);
        postmasterPid().flatMap(ProcessHandle::of)
                .filter(process -> process.info().command().map(c -> c.endsWith("postgres")).orElse(false))
                .ifPresent(postmaster -> {
                    postmaster.descendants().forEach(ProcessHandle::destroyForcibly);
                    postmaster.destroyForcibly();
                });
    }

    private DataDirectoryHolder.Running startHolder() {
        DataDirectoryHolder.Running holder = DataDirectoryHolder.start(dataDirectory, work.resolve("holder.log"));
        started.add(holder.process());
        return holder;
    }

    private Optional<Long> postmasterPid() {
        return PostmasterPidFile.read(dataDirectory).map(PostmasterPidFile::pid);
    }

    private static boolean isRunning(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static void insert(int port, String note) {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres",
                "postgres", "postgres"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE notes (note text)");
            statement.execute("INSERT INTO notes VALUES ('" + note + "')");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts PostgreSQL on the directory again as the service would, and reads what it kept. */
    private List<String> rowsAfterRestart() {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false).setRegisterShutdownHook(false).start();
             Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT note FROM notes")) {
            List<String> notes = new ArrayList<>();
            while (rows.next()) {
                notes.add(rows.getString(1));
            }
            return notes;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
