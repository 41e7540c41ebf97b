package io.omnireturns.platform.database.outage;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer to any call that needs the database while it is unreachable: {@code 503} problem details with the
 * stable code {@value #CODE} and a {@code Retry-After}, in the same shape as every other problem of the API.
 */
public final class DatabaseUnavailableProblem {

    public static final String CODE = "DATABASE_UNAVAILABLE";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final long retryAfterSeconds;

    public DatabaseUnavailableProblem(Duration retryAfter) {
        this.retryAfterSeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    public void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "/problems/database-unavailable");
        body.put("title", CODE);
        body.put("status", HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        body.put("detail", "the database cannot be reached right now; retry after " + retryAfterSeconds + " s");
        body.put("instance", request.getRequestURI());
        body.put("code", CODE);
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), body);
    }
}
