package io.omnireturns.platform.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Clears what a killed service left in its data directory before the embedded PostgreSQL starts there again.
 * <p>
 * A service killed with {@code kill -9} (OOM killer, power-cycled container) cannot stop its PostgreSQL: the
 * postmaster runs on as an orphan, and PostgreSQL refuses every later start on the directory ({@code lock file
 * "postmaster.pid" already exists}). Called only while this process holds the {@link DataDirectoryLock}, so no live
 * service owns the directory; then {@code postmaster.pid} decides:
 * <ul>
 *     <li>its pid runs as a postgres on this directory ({@code -D}): the orphan. It is stopped
 *     with a fast shutdown (SIGINT, what {@code pg_ctl stop -m fast} sends: open transactions roll back, a checkpoint
 *     is written); only if it has not ended within the time-out, an immediate one (SIGQUIT), then SIGKILL;</li>
 *     <li>its pid no longer runs (the whole process group was killed, or the machine lost power): PostgreSQL replaces
 *     the file itself and recovers from its write-ahead log;</li>
 *     <li>its pid now belongs to another program, or to the postgres of another directory: that process is left alone,
 *     and the stale file is removed (PostgreSQL would otherwise take the live pid for another postmaster);</li>
 *     <li>a process that cannot be told apart: left alone (PostgreSQL then refuses to start and says why).</li>
 * </ul>
 */
final class OrphanedPostmaster {

    /** How far a postmaster's recorded start may lie from its process's start and still be the same process. */
    static final Duration START_TIME_TOLERANCE = Duration.ofSeconds(10);
    /** After the fast shutdown's time-out: how long the immediate one, and then SIGKILL, may take. */
    private static final Duration ESCALATION_WAIT = Duration.ofSeconds(5);
    private static final Path SHELL = Path.of("/bin/sh");
    /** What Linux appends to the program path of a process whose binary was deleted. */
    private static final String DELETED = " (deleted)";

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);

    private OrphanedPostmaster() {
    }

    /** What the start finds in the directory. */
    enum Finding {
        /** No {@code postmaster.pid}: the last run stopped its database. */
        NOTHING,
        /** The pid in {@code postmaster.pid} no longer runs. */
        STALE_PID_FILE,
        /** The pid runs, but as another program, or as the postgres of another directory. */
        PID_REUSED,
        /** A process runs under that pid that cannot be told apart from this directory's postmaster, nor shown to be it. */
        UNIDENTIFIED,
        /** The postmaster of this directory runs without its service. */
        ORPHAN
    }

    /**
     * The little the check needs of a running process; tests stage any case with it.
     *
     * @param arguments        its command line after the program, as the postmaster keeps it ({@code -D <directory> ...})
     * @param workingDirectory its working directory, against which a relative {@code -D} is resolved, where readable
     */
    record RunningProcess(long pid, Optional<Instant> startedAt, Optional<String> command,
                          Optional<List<String>> arguments, Optional<Path> workingDirectory) {

        static Optional<RunningProcess> find(long pid) {
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(handle -> new RunningProcess(pid,
                    handle.info().startInstant(), handle.info().command(), handle.info().arguments().map(List::of),
                    workingDirectoryOf(pid)));
        }

        /** Linux's {@code /proc/<pid>/cwd}; empty elsewhere, or for a process of another user. */
        private static Optional<Path> workingDirectoryOf(long pid) {
            try {
                return Optional.of(Files.readSymbolicLink(Path.of("/proc", String.valueOf(pid), "cwd")));
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                return Optional.empty();
            }
        }

        boolean isPostgres() {
            return command.map(RunningProcess::programName)
                    .map(name -> name.equals("postgres") || name.equals("postgres.exe") || name.equals("postmaster"))
                    .orElse(false);
        }

        /**
         * The file name of a program path; Linux reads it from {@code /proc/<pid>/exe}, which ends in
         * {@code " (deleted)"} once the binary was removed while the process ran (the extracted PostgreSQL binaries
         * of a temp directory cleaned up under a running orphan).
         */
        static String programName(String command) {
            String name = Path.of(command).getFileName().toString();
            return name.endsWith(DELETED) ? name.substring(0, name.length() - DELETED.length()) : name;
        }

        /**
         * The directory of its {@code -D} argument, when its arguments are readable and name one; a relative one is
         * resolved against the process's own working directory (not this JVM's), and is unknown where that is not.
         */
        Optional<Path> dataDirectoryArgument() {
            List<String> args = arguments.orElse(List.of());
            for (int i = 0; i < args.size(); i++) {
                if (args.get(i).equals("-D") && i + 1 < args.size()) {
                    return resolve(Path.of(args.get(i + 1)));
                }
                if (args.get(i).startsWith("-D") && args.get(i).length() > 2) {
                    return resolve(Path.of(args.get(i).substring(2)));
                }
            }
            return Optional.empty();
        }

        private Optional<Path> resolve(Path argument) {
            return argument.isAbsolute() ? Optional.of(argument) : workingDirectory.map(cwd -> cwd.resolve(argument));
        }
    }

    /** Reads {@code postmaster.pid}, stops an orphaned postmaster or removes a stale file, and logs what it did. */
    static Finding clear(Path dataDirectory, Duration fastShutdownTimeout) {
        Optional<PostmasterPidFile> pidFile = PostmasterPidFile.read(dataDirectory);
        Optional<RunningProcess> process = pidFile.flatMap(file -> RunningProcess.find(file.pid()));
        Finding finding = inspect(dataDirectory, pidFile, process);
        switch (finding) {
            case NOTHING -> {
            }
            case STALE_PID_FILE -> log.info("{} in {} names pid {}, which no longer runs: the last run ended without "
                    + "stopping its database; PostgreSQL recovers from its log", PostmasterPidFile.NAME, dataDirectory,
                    pidFile.orElseThrow().pid());
            case PID_REUSED -> {
                removeStalePidFile(dataDirectory);
                log.warn("{} in {} names pid {}, which is now another process ({}): left alone; removed the stale {}",
                        PostmasterPidFile.NAME, dataDirectory, pidFile.orElseThrow().pid(), describe(process.orElseThrow()),
                        PostmasterPidFile.NAME);
            }
            case UNIDENTIFIED -> log.warn("{} in {} names pid {}, a running process ({}) that cannot be shown to be this "
                    + "directory's PostgreSQL nor another program: left alone", PostmasterPidFile.NAME, dataDirectory,
                    pidFile.orElseThrow().pid(), describe(process.orElseThrow()));
            case ORPHAN -> stop(process.orElseThrow(), dataDirectory, fastShutdownTimeout);
        }
        return finding;
    }

    /**
     * Decides by the process's program and its {@code -D} argument; only where its arguments cannot be read, by its
     * start time against the file's (a clock stepped since, say after a virtual machine resumed, would mislead that,
     * so a mismatch there proves nothing and the process is left alone).
     */
    static Finding inspect(Path dataDirectory, Optional<PostmasterPidFile> pidFile, Optional<RunningProcess> process) {
        if (pidFile.isEmpty()) {
            return Finding.NOTHING;
        }
        if (process.isEmpty()) {
            return Finding.STALE_PID_FILE;
        }
        RunningProcess running = process.get();
        if (running.command().isEmpty()) {
            return Finding.UNIDENTIFIED;
        }
        if (!running.isPostgres()) {
            return Finding.PID_REUSED;
        }
        Optional<Path> runsOn = running.dataDirectoryArgument();
        if (runsOn.isPresent()) {
            return sameDirectory(runsOn.get(), dataDirectory) ? Finding.ORPHAN : Finding.PID_REUSED;
        }
        boolean startedWhenTheFileSays = running.startedAt()
                .map(started -> Duration.between(started, pidFile.get().startedAt()).abs())
                .map(offset -> offset.compareTo(START_TIME_TOLERANCE) <= 0)
                .orElse(false);
        return startedWhenTheFileSays && sameDirectory(pidFile.get().dataDirectory(), dataDirectory)
                ? Finding.ORPHAN : Finding.UNIDENTIFIED;
    }

    private static String describe(RunningProcess process) {
        return process.command().orElse("unknown program")
                + process.arguments().filter(args -> !args.isEmpty()).map(args -> " " + String.join(" ", args)).orElse("");
    }

    private static boolean sameDirectory(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    private static void removeStalePidFile(Path dataDirectory) {
        try {
            Files.deleteIfExists(dataDirectory.resolve(PostmasterPidFile.NAME));
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove the stale " + PostmasterPidFile.NAME + " in " + dataDirectory, e);
        }
    }

    private static void stop(RunningProcess orphan, Path dataDirectory, Duration fastShutdownTimeout) {
        ProcessHandle postmaster = ProcessHandle.of(orphan.pid()).orElse(null);
        if (postmaster == null || !postmaster.isAlive()) {
            log.info("The orphaned PostgreSQL (pid {}) of {} ended by itself", orphan.pid(), dataDirectory);
            return;
        }
        log.warn("PostgreSQL (pid {}) still runs on {} without its service (the last run was killed): stopping it "
                + "before starting again", orphan.pid(), dataDirectory);
        long began = System.nanoTime();
        // its backends: after a SIGKILL of the postmaster alone they would keep the shared memory in use
        List<ProcessHandle> backends = postmaster.descendants().toList();
        Optional<Path> pgCtl = orphan.command().map(c -> Path.of(c).resolveSibling("pg_ctl")).filter(Files::isExecutable);
        String how;
        if (signal(pgCtl, "INT", postmaster)) {
            how = "fast shutdown (SIGINT)";
        } else {
            postmaster.destroy(); // SIGTERM, a smart shutdown: the killed service's sessions are gone already
            how = "smart shutdown (SIGTERM)";
        }
        if (!ended(postmaster, fastShutdownTimeout)) {
            log.warn("PostgreSQL (pid {}) did not finish its {} within {}: immediate shutdown", orphan.pid(), how,
                    fastShutdownTimeout);
            how = "immediate shutdown (it recovers from its log on start)";
            if (!signal(pgCtl, "QUIT", postmaster) || !ended(postmaster, ESCALATION_WAIT)) {
                how = "SIGKILL (it recovers from its log on start)";
                postmaster.destroyForcibly();
                backends.forEach(ProcessHandle::destroyForcibly);
                if (!ended(postmaster, ESCALATION_WAIT)) {
                    throw new IllegalStateException("could not stop the orphaned PostgreSQL (pid " + orphan.pid()
                            + ") on " + dataDirectory + "; stop it by hand and start again");
                }
            }
        }
        backends.forEach(backend -> ended(backend, ESCALATION_WAIT));
        log.warn("Stopped the orphaned PostgreSQL (pid {}) of {} by {} in {} ms", orphan.pid(), dataDirectory, how,
                Duration.ofNanos(System.nanoTime() - began).toMillis());
    }

    /**
     * Sends a signal with the shell's {@code kill} (POSIX, so on every Unix, also as root, where {@code pg_ctl} refuses
     * to run), else through PostgreSQL's own {@code pg_ctl kill} beside the postmaster's binary (Windows).
     */
    private static boolean signal(Optional<Path> pgCtl, String signal, ProcessHandle postmaster) {
        String pid = String.valueOf(postmaster.pid());
        if (Files.isExecutable(SHELL)) {
            return run(List.of(SHELL.toString(), "-c", "kill -s " + signal + " " + pid));
        }
        return pgCtl.isPresent() && run(List.of(pgCtl.get().toString(), "kill", signal, pid));
    }

    private static boolean run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean ended(ProcessHandle process, Duration patience) {
        try {
            process.onExit().get(patience.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return !process.isAlive();
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
