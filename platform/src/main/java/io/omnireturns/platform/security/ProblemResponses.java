package io.omnireturns.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Problem details (RFC 7807) for the answers given before a request reaches a controller: not signed in (401),
 * not allowed (403), body too large (413). Same shape and stable codes as {@code ProblemDetailsAdvice}.
 */
final class ProblemResponses {

    private static final ObjectMapper JSON = new ObjectMapper();

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

    static void write(HttpServletResponse response, int status, String code, String detail) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "/problems/" + code.toLowerCase().replace('_', '-'));
        body.put("title", code);
        body.put("status", status);
        body.put("detail", detail);
        body.put("code", code);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), body);
    }

    private static String detailOf(AuthenticationException exception) {
        // the cause (expired, wrong issuer, bad signature, ...) is not told to the caller
        return "sign in first: this endpoint needs valid credentials";
    }

    private static String detailOf(AccessDeniedException exception) {
        return "your role may not call this endpoint (see docs/security.md)";
    }
}
