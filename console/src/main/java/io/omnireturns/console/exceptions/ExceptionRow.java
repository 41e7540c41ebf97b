package io.omnireturns.console.exceptions;

import io.omnireturns.api.query.ExceptionState;
import io.omnireturns.api.query.ExceptionView;

import java.time.Duration;
import java.time.Instant;

/**
 * One exception as the queue's table shows it: its age in words ("3 h"), its CRM case's address (when the console
 * knows the CRM's), and what the caller may do with it.
 */
public record ExceptionRow(ExceptionView view, String age, String caseUrl, boolean retryable, boolean resolvable,
                           String notice, String problem) {

    static ExceptionRow of(ExceptionView view, Instant now, String caseUrlTemplate, boolean mayRetry) {
        boolean open = view.state() == ExceptionState.OPEN;
        String caseUrl = view.caseId() == null || caseUrlTemplate == null || caseUrlTemplate.isBlank() ? null
                : caseUrlTemplate.replace("{caseId}", java.net.URLEncoder.encode(view.caseId(),
                java.nio.charset.StandardCharsets.UTF_8));
        return new ExceptionRow(view, age(view.raisedAt(), now), caseUrl, open && mayRetry, open, null, null);
    }

    ExceptionRow withNotice(String text) {
        return new ExceptionRow(view, age, caseUrl, retryable, resolvable, text, null);
    }

    ExceptionRow withProblem(String text) {
        return new ExceptionRow(view, age, caseUrl, retryable, resolvable, null, text);
    }

    /** "just now", "12 min", "3 h", "2 d": how long the exception has waited. */
    static String age(Instant raisedAt, Instant now) {
        if (raisedAt == null) {
            return "—";
        }
        Duration waited = Duration.between(raisedAt, now);
        if (waited.toMinutes() < 1) {
            return "just now";
        }
        if (waited.toMinutes() < 60) {
            return waited.toMinutes() + " min";
        }
        if (waited.toHours() < 48) {
            return waited.toHours() + " h";
        }
        return waited.toDays() + " d";
    }

    /** The row's element id: exception ids are letters, digits and dashes. */
    public String elementId() {
        return "exception-" + view.exceptionId();
    }
}
