package io.omnireturns.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Collections;
import java.util.List;

/**
 * An {@code Idempotency-Key} is 1 to {@value #MAX_LENGTH} visible ASCII characters, given once; anything else is
 * refused with 400 {@value #CODE} before the request goes further. It runs ahead of Spring Security, whose firewall
 * would otherwise throw on a non-ASCII value only when the controller reads it.
 */
public class IdempotencyKeyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String CODE = "INVALID_IDEMPOTENCY_KEY";
    public static final int MAX_LENGTH = 200;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> values = Collections.list(request.getHeaders(HEADER));
        if (values.size() > 1 || values.size() == 1 && !isValid(values.get(0))) {
            ProblemResponses.write(response, 400, CODE, "header '" + HEADER + "' must be given once, as 1 to "
                    + MAX_LENGTH + " visible ASCII characters (letters, digits, '-', '_', ':' and the like)");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean isValid(String key) {
        if (key.isEmpty() || key.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }
}
