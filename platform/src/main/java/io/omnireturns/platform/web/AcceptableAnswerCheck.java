package io.omnireturns.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * A call that changes something is refused with 406 {@code NOT_ACCEPTABLE} before its handler runs when the client
 * accepts none of the answers it could get; otherwise the change would be saved and only its answer fail. An
 * operation answers what its mapping {@code produces}, JSON when it does not say. Reads are left to Spring's own
 * negotiation: failing there changes nothing; so are controllers that render a view.
 * <p>
 * A client that accepts only {@code application/problem+json} (it expects the refusal) goes on too: the answer is JSON
 * either way, and Spring's JSON converter writes a success under that type rather than refusing it after the change.
 */
public class AcceptableAnswerCheck implements HandlerInterceptor {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final List<MediaType> JSON = List.of(MediaType.APPLICATION_JSON);

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotAcceptableException {
        if (!(handler instanceof HandlerMethod method) || READS.contains(request.getMethod()) || !writesBody(method)) {
            return true;
        }
        List<MediaType> accepted = accepted(request);
        List<MediaType> producible = producible(request);
        for (MediaType answer : producible) {
            for (MediaType acceptable : accepted) {
                if (acceptable.getQualityValue() > 0 && (acceptable.isCompatibleWith(answer)
                        || answer.isCompatibleWith(MediaType.APPLICATION_JSON)
                        && acceptable.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))) {
                    return true;
                }
            }
        }
        throw new HttpMediaTypeNotAcceptableException(producible);
    }

    /** A controller that renders a view (a screen's form post) negotiates its page itself. */
    private static boolean writesBody(HandlerMethod method) {
        return method.hasMethodAnnotation(ResponseBody.class)
                || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ResponseBody.class)
                || HttpEntity.class.isAssignableFrom(method.getReturnType().getParameterType());
    }

    private static List<MediaType> accepted(HttpServletRequest request) throws HttpMediaTypeNotAcceptableException {
        List<String> headers = Collections.list(request.getHeaders(HttpHeaders.ACCEPT));
        if (headers.isEmpty()) {
            return List.of(MediaType.ALL);
        }
        try {
            List<MediaType> types = MediaType.parseMediaTypes(headers);
            return types.isEmpty() ? List.of(MediaType.ALL) : types;
        } catch (InvalidMediaTypeException e) {
            throw new HttpMediaTypeNotAcceptableException("the Accept header could not be read");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<MediaType> producible(HttpServletRequest request) {
        Object produces = request.getAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE);
        return produces instanceof Collection<?> types && !types.isEmpty()
                ? List.copyOf((Collection<MediaType>) types) : JSON;
    }
}
