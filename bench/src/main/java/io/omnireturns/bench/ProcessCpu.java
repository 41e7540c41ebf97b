package io.omnireturns.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every process's parent and CPU ticks at one moment, from Linux's {@code /proc} (as {@code probe-cost} reads it):
 * the CPU of a service JVM, and of a PostgreSQL found by its data directory on the postmaster's command line with
 * every backend below it (pg_ctl daemonizes the postmaster, so it is nobody's child we know). Empty where there is
 * no {@code /proc}.
 */
final class ProcessCpu {

    private static final double TICKS_PER_SECOND = 100; // USER_HZ on Linux

    /** pid → {ppid, utime+stime+cutime+cstime}: reaped children's time counts, exited backends' included. */
    private final Map<Long, long[]> stats;

    private ProcessCpu(Map<Long, long[]> stats) {
        this.stats = stats;
    }

    static ProcessCpu snapshot() {
        Map<Long, long[]> stats = new HashMap<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    // after the command in parentheses: state(3) ppid(4) ... utime(14) stime(15) cutime(16) cstime(17)
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12])
                            + Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
                    stats.put(Long.parseLong(p.getFileName().toString()), new long[] {Long.parseLong(fields[1]), ticks});
                } catch (IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            });
        } catch (IOException | RuntimeException noProc) {
            // not Linux
        }
        return new ProcessCpu(stats);
    }

    double seconds(long pid) {
        long[] stat = stats.get(pid);
        return stat == null ? 0 : stat[1] / TICKS_PER_SECOND;
    }

    double postgresSeconds(Path dataDir) {
        long ticks = 0;
        for (long pid : postgresProcesses(dataDir)) {
            ticks += stats.get(pid)[1];
        }
        return ticks / TICKS_PER_SECOND;
    }

    long postgresRssBytes(Path dataDir) {
        long bytes = 0;
        for (long pid : postgresProcesses(dataDir)) {
            bytes += rssBytes(pid);
        }
        return bytes;
    }

    private List<Long> postgresProcesses(Path dataDir) {
        String marker = dataDir.toString();
        List<Long> found = new ArrayList<>();
        for (long candidate : stats.keySet()) {
            try {
                String commandLine = Files.readString(Path.of("/proc", String.valueOf(candidate), "cmdline"));
                // the folder as a whole argument: not another run's folder whose name begins with this one's
                if ((commandLine + "\0").contains(marker + "\0") && commandLine.contains("postgres")) {
                    found.add(candidate);
                }
            } catch (IOException | RuntimeException gone) {
                // ended
            }
        }
        List<Long> frontier = new ArrayList<>(found);
        while (!frontier.isEmpty()) {
            List<Long> next = new ArrayList<>();
            for (Map.Entry<Long, long[]> entry : stats.entrySet()) {
                if (frontier.contains(entry.getValue()[0]) && !found.contains(entry.getKey())) {
                    next.add(entry.getKey());
                }
            }
            found.addAll(next);
            frontier = next;
        }
        return found;
    }

    static long rssBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException gone) {
            // ended
        }
        return 0;
    }
}
