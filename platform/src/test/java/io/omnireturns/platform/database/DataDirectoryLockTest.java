package io.omnireturns.platform.database;

import io.omnireturns.platform.database.DataDirectoryLock.DataDirectoryInUseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * One service per data directory. Another process holding it, and a holder killed with SIGKILL, are in
 * {@link OrphanedPostmasterOnPostgresTest}.
 */
class DataDirectoryLockTest {

    @TempDir
    Path work;

    @Test
    void the_owner_file_beside_the_directory_names_the_process_that_holds_it() throws Exception {
        Path dataDirectory = work.resolve("postgres");

        try (DataDirectoryLock lock = DataDirectoryLock.acquire(dataDirectory)) {
            assertThat(Files.readString(work.resolve("postgres.owner")))
                    .startsWith("pid=" + ProcessHandle.current().pid() + "\nstarted=");
        }
    }

    @Test
    void a_directory_is_taken_once_and_can_be_taken_again_after_its_release() {
        Path dataDirectory = work.resolve("postgres");

        try (DataDirectoryLock lock = DataDirectoryLock.acquire(dataDirectory)) {
            assertThatThrownBy(() -> DataDirectoryLock.acquire(work.resolve("other/../postgres")))
                    .isInstanceOf(DataDirectoryInUseException.class)
                    .hasMessageContaining("is in use by this very process")
                    .hasMessageContaining("OMNIRETURNS_DATA_DIR");
        }
        DataDirectoryLock.acquire(dataDirectory).close();
    }

    @Test
    void a_directory_spelled_through_a_symbolic_link_is_the_same_directory_with_the_same_owner_file() throws Exception {
        Path dataDirectory = work.resolve("postgres");
        Path alias = Files.createSymbolicLink(work.resolve("alias"), Files.createDirectories(dataDirectory));

        try (DataDirectoryLock lock = DataDirectoryLock.acquire(dataDirectory)) {
            assertThatThrownBy(() -> DataDirectoryLock.acquire(alias))
                    .isInstanceOf(DataDirectoryInUseException.class)
                    .hasMessageContaining("is in use by this very process");
        }
        try (DataDirectoryLock lock = DataDirectoryLock.acquire(alias)) {
            assertThat(lock.directory()).isEqualTo(dataDirectory.toRealPath());
            assertThat(work.resolve("alias.owner")).doesNotExist();
        }
    }

    @Test
    void a_refused_start_reports_who_holds_the_directory_and_what_to_do_instead_of_a_stack_trace() {
        Path dataDirectory = work.resolve("postgres");
        try (DataDirectoryLock lock = DataDirectoryLock.acquire(dataDirectory)) {
            Throwable refused = catchThrowable(() -> DataDirectoryLock.acquire(dataDirectory));

            FailureAnalysis analysis = new DataDirectoryInUseFailureAnalyzer()
                    .analyze(new BeanCreationException("embeddedDataDirectoryLock", "failed", refused));

            assertThat(analysis.getDescription()).isEqualTo("The embedded PostgreSQL data directory " + dataDirectory
                    + " is in use by this very process (pid " + ProcessHandle.current().pid() + ").");
            assertThat(analysis.getAction()).contains("OMNIRETURNS_DATA_DIR");
        }
    }
}
