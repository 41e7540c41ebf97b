package io.omnireturns.platform.database.outage;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * While the probe finds the database unreachable, API calls are answered {@code 503 DATABASE_UNAVAILABLE} at once:
 * a database that does not answer at all would otherwise hold each call until its connection or socket times out.
 * Health, the API document and the screens pass through.
 */
public class DatabaseRequestGate extends OncePerRequestFilter {

    private final DatabaseAvailability availability;
    private final DatabaseUnavailableProblem problem;

    public DatabaseRequestGate(DatabaseAvailability availability, DatabaseUnavailableProblem problem) {
        this.availability = availability;
        this.problem = problem;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (availability.available()) {
            chain.doFilter(request, response);
        } else {
            problem.write(request, response);
        }
    }
}
