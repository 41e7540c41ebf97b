package io.omnireturns.console.shell;

import io.omnireturns.api.returns.ReturnerSignal;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the console's templates show values: {@code ${@consoleFormat.instant(view.createdAt())}}. */
@Component("consoleFormat")
public class ConsoleFormat {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    /** An instant to the minute, in UTC (the console's pages say so in their headings). */
    public String instant(Instant instant) {
        return instant == null ? "—" : MINUTES.format(instant);
    }

    /** A serial-returner signal in the agent's words. */
    public String returnerSignal(ReturnerSignal signal) {
        return switch (signal) {
            case HIGH_RETURN_RATE -> "High return rate: a large share of what was bought came back";
            case HIGH_RETURN_VELOCITY -> "Many returns in the last 30 days";
            case HIGH_KEEP_IT_SHARE -> "Many \"keep it\" refunds (refunded without sending anything back)";
            case HIGH_INSTANT_REFUND_SHARE -> "Many refunds at the first carrier scan, before inspection";
        };
    }
}
