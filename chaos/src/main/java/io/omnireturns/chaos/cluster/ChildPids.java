package io.omnireturns.chaos.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The pids of the child JVMs (nodes, sandbox systems) written to a file in the work directory, so the next run can
 * end the ones a killed harness left running.
 */
public final class ChildPids {

    private final Path file;
    private final Consumer<String> progress;

    public ChildPids(Path file, Consumer<String> progress) {
        this.file = file;
        this.progress = progress;
    }

    /** Synchronized: the fault thread restarts a node while the run itself may start others. */
    public synchronized void remember(long pid) throws IOException {
        Files.writeString(file, pid + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** The node and sandbox JVMs a killed harness left running (pids it wrote), SIGKILLed before anything starts. */
    public void killLeftovers() throws IOException, InterruptedException {
        if (!Files.exists(file)) {
            return;
        }
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            // only a java process: the pid may have been reused by something else since
            Optional<ProcessHandle> leftover = ProcessHandle.of(Long.parseLong(line.trim()))
                    .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false));
            if (leftover.isPresent()) {
                progress.accept("killing pid " + line.trim() + ", left running by an earlier run");
                leftover.get().destroyForcibly();
                try {
                    leftover.get().onExit().get(10, TimeUnit.SECONDS);
                } catch (ExecutionException | TimeoutException ignored) {
                    progress.accept("pid " + line.trim() + " did not end within 10 s");
                }
            }
        }
        Files.delete(file);
    }
}
