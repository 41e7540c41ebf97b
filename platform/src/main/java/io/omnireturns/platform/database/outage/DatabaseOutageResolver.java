package io.omnireturns.platform.database.outage;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

import java.io.IOException;

/**
 * Answers {@code 503 DATABASE_UNAVAILABLE} for any failure of a handler that comes from an unreachable database,
 * however deeply it is wrapped. It runs before the {@code @RestControllerAdvice} resolvers, whose catch-all would
 * make it a 500; every other failure passes on to them untouched.
 */
public class DatabaseOutageResolver implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageResolver.class);

    private final DatabaseUnavailableProblem problem;
    private final Runnable outageSeen;

    public DatabaseOutageResolver(DatabaseUnavailableProblem problem) {
        this(problem, () -> { });
    }

    /** @param outageSeen told of every failure answered here (the probe then looks at once) */
    public DatabaseOutageResolver(DatabaseUnavailableProblem problem, Runnable outageSeen) {
        this.problem = problem;
        this.outageSeen = outageSeen;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception failure) {
        if (!DatabaseOutages.isOutage(failure) || response.isCommitted()) {
            return null;
        }
        log.warn("Database unavailable while answering {} {}: {}", request.getMethod(), request.getRequestURI(),
                failure.toString());
        outageSeen.run();
        try {
            problem.write(request, response);
        } catch (IOException e) {
            return null;
        }
        return new ModelAndView();
    }

    /** After Boot's error attributes (they only record the failure), before the MVC resolvers (order 0). */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
