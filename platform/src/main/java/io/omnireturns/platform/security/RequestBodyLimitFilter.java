package io.omnireturns.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses a body larger than the limit before anything reads it (413 {@code PAYLOAD_TOO_LARGE}): by its declared
 * length at once, and a chunked body as soon as it grows past the limit, so a client cannot make the service buffer
 * an unbounded body. Webhooks and uploads ({@link AccessRules#UPLOADS}) have their own, larger limits.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private final long maxRequestBody;
    private final long maxWebhookBody;
    private final long maxUploadBody;

    public RequestBodyLimitFilter(long maxRequestBody, long maxWebhookBody) {
        this(maxRequestBody, maxWebhookBody, maxRequestBody);
    }

    public RequestBodyLimitFilter(long maxRequestBody, long maxWebhookBody, long maxUploadBody) {
        this.maxRequestBody = maxRequestBody;
        this.maxWebhookBody = maxWebhookBody;
        this.maxUploadBody = maxUploadBody;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = PATHS.match(AccessRules.WEBHOOKS, request.getRequestURI()) ? maxWebhookBody
                : AccessRules.UPLOADS.stream().anyMatch(upload -> PATHS.match(upload, request.getRequestURI()))
                ? maxUploadBody : maxRequestBody;
        if (request.getContentLengthLong() > limit) {
            // the connection is closed after the answer: the client may still be sending
            response.setHeader("Connection", "close");
            ProblemResponses.write(response, 413, TooLarge.CODE, TooLarge.detail(limit));
            return;
        }
        try {
            chain.doFilter(new LimitedRequest(request, limit), response);
        } catch (ServletException e) {
            if (!(rootCause(e) instanceof TooLarge)) {
                throw e;
            }
            response.setHeader("Connection", "close");
            ProblemResponses.write(response, 413, TooLarge.CODE, TooLarge.detail(limit));
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** Thrown while a chunked body is read past the limit; the problem handler answers 413. */
    public static final class TooLarge extends RuntimeException {
        public static final String CODE = "PAYLOAD_TOO_LARGE";

        TooLarge(long limit) {
            super(detail(limit));
        }

        static String detail(long limit) {
            return "the request body is larger than " + limit + " bytes";
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class LimitedStream extends ServletInputStream {
        private final ServletInputStream delegate;
        private final long limit;
        private long read;

        LimitedStream(ServletInputStream delegate, long limit) {
            this.delegate = delegate;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw new TooLarge(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
