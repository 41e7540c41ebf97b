package io.omnireturns.console.shell;

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
}
