package io.omnireturns.platform.web;

import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.ErrorKind;
import io.omnireturns.api.money.MoneyException;
import io.omnireturns.platform.security.ProblemResponses;
import io.omnireturns.platform.security.RequestBodyLimitFilter;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.net.URI;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one place where failures become RFC 7807 problem details. Every problem carries a stable
 * {@code code}; clients branch on it, never on the human-readable detail.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private static final int MAX_DETAIL = 500;
    /** {@code io.omnireturns.x.Type}, {@code java.lang.String}, {@code Outer$Inner}, with backticks if any. */
    private static final Pattern JAVA_TYPE = Pattern.compile(
            "`?\\b(?:[a-z_][a-z0-9_]*\\.){2,}[A-Za-z_][\\w$]*`?|`?\\b[A-Z]\\w*\\$[\\w$]+`?");

    /** The {@code Retry-After} of a 503 from a system the answer depends on (the tax service for a quote). */
    static final String UNAVAILABLE_RETRY_AFTER_SECONDS = "5";

    @ExceptionHandler(DomainException.class)
    public ResponseEntity<ProblemDetail> domain(DomainException e) {
        ResponseEntity<ProblemDetail> answer = problem(statusOf(e.kind()), e.code(), e.getMessage());
        if (e.kind() != ErrorKind.UNAVAILABLE) {
            return answer;
        }
        // nothing was changed: asking again in a few seconds is safe
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, UNAVAILABLE_RETRY_AFTER_SECONDS).body(answer.getBody());
    }

    @ExceptionHandler(MoneyException.class)
    public ResponseEntity<ProblemDetail> money(MoneyException e) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, e.code(), e.getMessage());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    public ResponseEntity<ProblemDetail> invalidBody(MethodArgumentNotValidException e) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(ProblemDetailsAdvice::fieldError)
                .toList();
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                "the request has " + errors.size() + " invalid field(s)");
        response.getBody().setProperty("errors", errors);
        return response;
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    public ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException e) {
        List<Map<String, String>> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> Map.of(
                        "field", String.valueOf(result.getMethodParameter().getParameterName()),
                        "message", safe(String.valueOf(error.getDefaultMessage())))))
                .toList();
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                "the request has " + errors.size() + " invalid parameter(s)");
        response.getBody().setProperty("errors", errors);
        return response;
    }

    /**
     * A constraint on a controller parameter ({@code @Validated} controllers): named by the parameter alone, since
     * the violation's path ({@code cancel.returnId}) starts with the Java method's name.
     */
    @ExceptionHandler(ConstraintViolationException.class)
    public ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e) {
        List<Map<String, String>> errors = e.getConstraintViolations().stream()
                .map(violation -> Map.of("field", JsonBodyProblems.quote(leafName(violation.getPropertyPath())),
                        "message", safe(String.valueOf(violation.getMessage()))))
                .sorted(Comparator.comparing((Map<String, String> error) -> error.get("field"))
                        .thenComparing(error -> error.get("message")))
                .toList();
        String detail = errors.isEmpty() ? "the request is invalid" : errors.stream()
                .map(error -> error.get("field") + ": " + error.get("message"))
                .collect(Collectors.joining("; "));
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", detail);
        response.getBody().setProperty("errors", errors);
        return response;
    }

    private static String leafName(Path path) {
        String leaf = null;
        for (Path.Node node : path) {
            if (node.getName() != null) {
                leaf = node.getName();
            }
        }
        return leaf == null ? "request" : leaf;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RequestBodyLimitFilter.TooLarge tooLarge) {
                return tooLarge(tooLarge);
            }
        }
        JsonBodyProblems.Described described = JsonBodyProblems.describe(e);
        return problem(HttpStatus.BAD_REQUEST, described.code(), described.detail());
    }

    @ExceptionHandler(RequestBodyLimitFilter.TooLarge.class)
    public ResponseEntity<ProblemDetail> tooLarge(RequestBodyLimitFilter.TooLarge e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, RequestBodyLimitFilter.TooLarge.CODE, e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    public ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "ACCESS_DENIED", "your role may not call this endpoint");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        return problem(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", "parameter '" + e.getName() + "' has an invalid "
                + "value '" + JsonBodyProblems.quote(String.valueOf(e.getValue())) + "'"
                + (type != null && type.isEnum() ? "; it takes " + Arrays.toString(type.getEnumConstants()) : ""));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    public ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e) {
        return problem(HttpStatus.BAD_REQUEST, "MISSING_HEADER", "header '" + e.getHeaderName() + "' is required");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    public ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
        return problem(HttpStatus.BAD_REQUEST, "MISSING_PARAMETER",
                "parameter '" + e.getParameterName() + "' is required");
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    public ResponseEntity<ProblemDetail> aggregateNotFound(AggregateNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "RETURN_NOT_FOUND",
                "no return with id " + e.getAggregateIdentifier());
    }

    @ExceptionHandler(ConcurrencyException.class)
    public ResponseEntity<ProblemDetail> concurrency(ConcurrencyException e) {
        return problem(HttpStatus.CONFLICT, "CONCURRENT_MODIFICATION",
                "the return was changed by another request at the same time; retry");
    }

    @ExceptionHandler(CommandExecutionException.class)
    public ResponseEntity<ProblemDetail> commandFailed(CommandExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof DomainException domain) {
            return domain(domain);
        }
        if (cause instanceof MoneyException money) {
            return money(money);
        }
        if (cause instanceof AggregateNotFoundException notFound) {
            return aggregateNotFound(notFound);
        }
        return unexpected(e);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    public ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "no such resource: /" + e.getResourcePath());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    public ResponseEntity<ProblemDetail> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        ResponseEntity<ProblemDetail> problem = problem(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED",
                "this path does not take " + JsonBodyProblems.quote(e.getMethod()) + "; it takes "
                        + e.getSupportedHttpMethods());
        return e.getSupportedHttpMethods() == null ? problem : ResponseEntity.status(problem.getStatusCode())
                .headers(problem.getHeaders()).allow(e.getSupportedHttpMethods().toArray(HttpMethod[]::new))
                .body(problem.getBody());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    public ResponseEntity<ProblemDetail> unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
                "the body must be one of " + e.getSupportedMediaTypes());
    }

    /**
     * The client accepts none of the answers the operation gives. Its own answer is problem details all the same
     * (the content type is set, so no negotiation takes place): a bare 406 would tell nothing.
     */
    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    public ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return problem(HttpStatus.NOT_ACCEPTABLE, "NOT_ACCEPTABLE", "this operation answers "
                + (e.getSupportedMediaTypes().isEmpty() ? "application/json" : e.getSupportedMediaTypes())
                + " (problems as application/problem+json); the Accept header allows none of them");
    }

    /** A header the firewall refuses when a controller reads it (control characters, non-ASCII, ...). */
    @ExceptionHandler(RequestRejectedException.class)
    public ResponseEntity<ProblemDetail> rejected(RequestRejectedException e) {
        return problem(HttpStatus.BAD_REQUEST, ProblemResponses.REQUEST_REJECTED, ProblemResponses.REJECTED_DETAIL);
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (e instanceof ErrorResponse spring && spring.getStatusCode().is4xxClientError()) {
            // a client error of Spring MVC's that no handler above names: still the client's, never a 500
            int status = spring.getStatusCode().value();
            return problem(spring.getStatusCode(), ProblemErrorController.codeOf(status),
                    ProblemErrorController.detailOf(status));
        }
        log.error("Unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "an unexpected error occurred; it has been logged");
    }

    public static ResponseEntity<ProblemDetail> problem(HttpStatusCode status, String code, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, safe(detail));
        body.setType(URI.create("/problems/" + code.toLowerCase().replace('_', '-')));
        body.setTitle(code);
        body.setProperty("code", code);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    private static HttpStatus statusOf(ErrorKind kind) {
        return switch (kind) {
            case INVALID_INPUT -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case ILLEGAL_STATE -> HttpStatus.CONFLICT;
            case RULE_VIOLATION -> HttpStatus.UNPROCESSABLE_ENTITY;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    private static Map<String, String> fieldError(FieldError error) {
        return Map.of("field", JsonBodyProblems.quote(error.getField()),
                "message", safe(String.valueOf(error.getDefaultMessage())));
    }

    /**
     * Every detail is short and names no Java type: a message built from client input or a library's text is cut,
     * and a qualified or nested class name that slipped in is replaced.
     */
    static String safe(String detail) {
        if (detail == null) {
            return null;
        }
        String named = JAVA_TYPE.matcher(detail).replaceAll("value");
        return named.length() > MAX_DETAIL ? named.substring(0, MAX_DETAIL) + "…" : named;
    }
}
