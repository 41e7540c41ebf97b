package io.omnireturns.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Problem details (RFC 7807) for the answers given before a request reaches a controller: not signed in (401),
 * not allowed (403), body too large (413), refused by the firewall (400, 405). Same shape and stable codes as
 * {@code ProblemDetailsAdvice}.
 */
public final class ProblemResponses {

    /** A URL, header or request line that is refused before anything reads it. */
    public static final String REQUEST_REJECTED = "REQUEST_REJECTED";
    public static final String REJECTED_DETAIL = "the request line or a header holds something this service does not "
            + "accept (an encoded '/', '\\', ';' or '%', NUL, a line break, a control character, or is too large)";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FIREWALL_METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private ProblemResponses() {
    }

    static AuthenticationEntryPoint unauthenticated(String challenge) {
        return (request, response, exception) -> {
            response.setHeader("WWW-Authenticate", challenge);
            write(response, 401, "UNAUTHENTICATED", detailOf(exception));
        };
    }

    static AccessDeniedHandler denied() {
        return (request, response, exception) -> write(response, 403, "ACCESS_DENIED", detailOf(exception));
    }

    /**
     * The firewall's refusals: a method it does not take (TRACE, CONNECT, ...) is 405 {@code METHOD_NOT_ALLOWED},
     * anything else (encoded '/', '\\', ';' or '%', NUL, line breaks or control characters in the URL or a header)
     * 400 {@value #REQUEST_REJECTED}.
     */
    static RequestRejectedHandler rejected() {
        return (request, response, exception) -> {
            if (!FIREWALL_METHODS.contains(request.getMethod())) {
                response.setHeader("Allow", String.join(", ", FIREWALL_METHODS));
                write(response, 405, "METHOD_NOT_ALLOWED", "this service takes " + String.join(", ", FIREWALL_METHODS));
            } else {
                write(response, 400, REQUEST_REJECTED, REJECTED_DETAIL);
            }
        };
    }

    /** Writes a problem with the given status, code and (already safe, short) detail. */
    public static void write(HttpServletResponse response, int status, String code, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(json(status, code, detail).getBytes(StandardCharsets.UTF_8));
    }

    /** The same problem as JSON text, for writers that cannot use a servlet response (Tomcat's error valve). */
    public static String json(int status, String code, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "/problems/" + code.toLowerCase().replace('_', '-'));
        body.put("title", code);
        body.put("status", status);
        body.put("detail", detail);
        body.put("code", code);
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String detailOf(AuthenticationException exception) {
        // the cause (expired, wrong issuer, bad signature, ...) is not told to the caller
        return "sign in first: this endpoint needs valid credentials";
    }

    private static String detailOf(AccessDeniedException exception) {
        return "your role may not call this endpoint (see docs/security.md)";
    }
}
