package io.omnireturns.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What PostgreSQL's lock file {@code postmaster.pid} says: the postmaster's pid, its data directory and when it
 * started (lines 1 to 3 of the file, in every PostgreSQL since 10). A postmaster that stops removes it; one that was
 * killed, or whose machine lost power, leaves it behind.
 */
record PostmasterPidFile(long pid, Path dataDirectory, Instant startedAt) {

    static final String NAME = "postmaster.pid";

    /** The data directory's lock file; empty when there is none (or it is too short to be one: a crash mid-write). */
    static Optional<PostmasterPidFile> read(Path dataDirectory) {
        try {
            return parse(Files.readAllLines(dataDirectory.resolve(NAME)));
        } catch (NoSuchFileException none) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + dataDirectory.resolve(NAME), e);
        }
    }

    static Optional<PostmasterPidFile> parse(List<String> lines) {
        if (lines.size() < 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PostmasterPidFile(Long.parseLong(lines.get(0).strip()),
                    Path.of(lines.get(1).strip()), Instant.ofEpochSecond(Long.parseLong(lines.get(2).strip()))));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}
