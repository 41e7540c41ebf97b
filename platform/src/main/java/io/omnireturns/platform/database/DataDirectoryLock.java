package io.omnireturns.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One service per embedded data directory: an exclusive lock on an owner file beside the directory
 * ({@code data/postgres.owner} for {@code data/postgres}), held for as long as this process runs its database. The
 * operating system drops the lock when the process dies, however it dies, so a held lock means a live owner and a
 * free one means that whatever still runs on the directory has lost its service. The file says who holds it (pid and
 * start time), for the message that refuses a second service.
 * <p>
 * A directory that the embedded driver itself has locked ({@code epg-lock}, held by any JVM running it there, also
 * one without this lock) counts as in use too.
 */
final class DataDirectoryLock implements AutoCloseable {

    /** The embedded driver's own lock file inside the data directory. */
    static final String DRIVER_LOCK_FILE = "epg-lock";

    /** Directories this JVM holds: a second lock attempt here must not open (and on closing, release) the file. */
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    private final Path dataDirectory;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(Path dataDirectory, FileChannel channel, FileLock lock) {
        this.dataDirectory = dataDirectory;
        this.channel = channel;
        this.lock = lock;
    }

    /** No directory to guard: a throw-away one that nobody else knows. */
    static DataDirectoryLock none() {
        return new DataDirectoryLock(null, null, null);
    }

    static Path ownerFile(Path dataDirectory) {
        return dataDirectory.resolveSibling(dataDirectory.getFileName() + ".owner");
    }

    /**
     * Takes the directory for this process, or says who has it. The directory is created first and known by its real
     * path (symbolic links followed), so every spelling of one directory shares one owner file.
     */
    static DataDirectoryLock acquire(Path dataDirectory) {
        Path directory = realDirectory(dataDirectory);
        Path ownerFile = ownerFile(directory);
        if (!HELD_HERE.add(directory)) {
            // not even read: closing any handle on a file releases every lock this process holds on it
            throw new DataDirectoryInUseException(directory, "this very process (pid " + ProcessHandle.current().pid() + ")");
        }
        FileChannel channel = null;
        try {
            Files.createDirectories(directory.getParent());
            channel = FileChannel.open(ownerFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new DataDirectoryInUseException(directory, describeOwner(ownerFile));
            }
            if (driverLockHeldElsewhere(directory)) {
                lock.release();
                throw new DataDirectoryInUseException(directory, "another process running an embedded PostgreSQL "
                        + "there (it holds " + directory.resolve(DRIVER_LOCK_FILE) + ")");
            }
            writeOwner(channel);
            return new DataDirectoryLock(directory, channel, lock);
        } catch (IOException | RuntimeException e) {
            HELD_HERE.remove(directory);
            closeQuietly(channel);
            if (e instanceof IOException io) {
                throw new UncheckedIOException("could not lock the data directory " + directory + " (" + ownerFile + ")", io);
            }
            throw (RuntimeException) e;
        }
    }

    private static Path realDirectory(Path dataDirectory) {
        Path spelled = dataDirectory.toAbsolutePath().normalize();
        try {
            return Files.createDirectories(spelled).toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the data directory " + spelled, e);
        }
    }

    /** The real path of the directory held; the database is started on exactly this one. */
    Path directory() {
        return dataDirectory;
    }

    /** Whether a process holds the driver's lock inside the directory (it is released by the driver on stop). */
    private static boolean driverLockHeldElsewhere(Path directory) throws IOException {
        Path driverLock = directory.resolve(DRIVER_LOCK_FILE);
        if (!Files.exists(driverLock)) {
            return false;
        }
        try (FileChannel probe = FileChannel.open(driverLock, StandardOpenOption.WRITE)) {
            FileLock held = probe.tryLock();
            if (held == null) {
                return true;
            }
            held.release();
            return false;
        } catch (OverlappingFileLockException thisJvm) {
            return true;
        }
    }

    private static void writeOwner(FileChannel channel) throws IOException {
        ProcessHandle self = ProcessHandle.current();
        String owner = "pid=" + self.pid() + "\nstarted=" + self.info().startInstant().map(Instant::toString).orElse("?")
                + "\n";
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(owner.getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(true);
    }

    /** "the service with pid 4711, started 2026-12-03T07:00:00Z", from the owner file as its holder wrote it. */
    private static String describeOwner(Path ownerFile) {
        try {
            String pid = null;
            String started = null;
            for (String line : Files.readAllLines(ownerFile, StandardCharsets.UTF_8)) {
                if (line.startsWith("pid=")) {
                    pid = line.substring(4);
                } else if (line.startsWith("started=")) {
                    started = line.substring(8);
                }
            }
            return pid == null ? "another running service" : "the service with pid " + pid
                    + Optional.ofNullable(started).map(s -> ", started " + s).orElse("");
        } catch (IOException e) {
            return "another running service";
        }
    }

    @Override
    public void close() {
        if (channel == null || !HELD_HERE.contains(dataDirectory)) {
            return;
        }
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it as well
        } finally {
            closeQuietly(channel);
            HELD_HERE.remove(dataDirectory);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }

    /** A second service on a directory whose database a live one runs: refused, never its database stopped. */
    static final class DataDirectoryInUseException extends IllegalStateException {

        static final String ACTION = "Stop that service first, or give this one its own directory (OMNIRETURNS_DATA_DIR).";

        private final String description;

        DataDirectoryInUseException(Path dataDirectory, String owner) {
            this("The embedded PostgreSQL data directory " + dataDirectory + " is in use by " + owner + ".");
        }

        private DataDirectoryInUseException(String description) {
            super(description + " " + ACTION);
            this.description = description;
        }

        /** The message without what to do about it. */
        String description() {
            return description;
        }
    }
}
