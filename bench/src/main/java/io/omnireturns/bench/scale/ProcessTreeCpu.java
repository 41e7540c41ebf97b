package io.omnireturns.bench.scale;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time used so far by a process and everything it started (the service's JVM and its embedded PostgreSQL with
 * every backend), from Linux's {@code /proc}. On a machine shared with other work the wall-clock rate of a replay
 * says as much about the neighbours as about the service; events per CPU second do not. Zero where there is no
 * {@code /proc}.
 */
final class ProcessTreeCpu {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    private ProcessTreeCpu() {
    }

    static double seconds(long rootPid) {
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return 0;
        }
        Map<Long, List<Long>> children = new HashMap<>();
        Map<Long, Long> ticks = new HashMap<>();
        try (Stream<Path> entries = Files.list(proc)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(entry.resolve("stat"));
                    // after the command in parentheses: state ppid ... utime(14) stime(15)
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long pid = Long.parseLong(name);
                    long parent = Long.parseLong(fields[1]);
                    children.computeIfAbsent(parent, key -> new ArrayList<>()).add(pid);
                    ticks.put(pid, Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
                } catch (IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            return 0;
        }
        long total = 0;
        Deque<Long> pending = new ArrayDeque<>(List.of(rootPid));
        while (!pending.isEmpty()) {
            long pid = pending.pop();
            total += ticks.getOrDefault(pid, 0L);
            pending.addAll(children.getOrDefault(pid, List.of()));
        }
        return total / TICKS_PER_SECOND;
    }
}
