package io.omnireturns.bench.scale;

import java.time.Instant;

/** One line per step on standard error, so a long run shows where it is. */
final class Progress {

    private Progress() {
    }

    static void say(String message) {
        System.err.println(Instant.now() + " [scale] " + message);
    }
}
