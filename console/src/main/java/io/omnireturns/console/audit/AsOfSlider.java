package io.omnireturns.console.audit;

import java.time.Duration;
import java.time.Instant;

/**
 * The as-of slider over a return's lifetime: {@value #POSITIONS} steps from its first event to its last (the arrow
 * keys move one step, Page Up and Page Down a tenth, Home and End to either end), each step an instant.
 *
 * @param first    the first event's instant (position 0)
 * @param last     the last event's instant (the last position)
 * @param position where the chosen instant lies
 */
record AsOfSlider(Instant first, Instant last, int position) {

    static final int POSITIONS = 1000;

    static AsOfSlider over(Instant first, Instant last, Instant asOf) {
        long span = spanMillis(first, last);
        long offset = Duration.between(first, asOf).toMillis();
        int position = span == 0 ? POSITIONS
                : (int) Math.max(0, Math.min(POSITIONS, Math.round(offset * (double) POSITIONS / span)));
        return new AsOfSlider(first, last, position);
    }

    public long firstMillis() {
        return first.toEpochMilli();
    }

    public long spanMillis() {
        return spanMillis(first, last);
    }

    public int positions() {
        return POSITIONS;
    }

    private static long spanMillis(Instant first, Instant last) {
        return Math.max(0, Duration.between(first, last).toMillis());
    }
}
