package io.omnireturns.console.portal.photos;

import org.springframework.http.MediaType;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The one file of a photo upload form ({@code multipart/form-data}, field {@code photo}), read from a body the
 * service has already bounded (the platform's body limit for uploads). The container's own multipart parsing stays
 * off, as for the whole service: it would read the body past that limit.
 */
final class PhotoUploadBody {

    private static final byte[] HEADER_END = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private PhotoUploadBody() {
    }

    /** The bytes of the part named {@code field}; empty when the body is not such a form or has no such part. */
    static Optional<byte[]> file(String contentType, byte[] body, String field) {
        String boundary = boundary(contentType);
        if (boundary == null) {
            return Optional.empty();
        }
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
        byte[] nextDelimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int headersStart = at + delimiter.length + 2; // past the delimiter's CRLF (or the closing "--")
            int headersEnd = indexOf(body, HEADER_END, headersStart);
            if (headersStart > body.length || headersEnd < 0) {
                return Optional.empty();
            }
            String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.ISO_8859_1);
            int contentStart = headersEnd + HEADER_END.length;
            int contentEnd = indexOf(body, nextDelimiter, contentStart);
            if (contentEnd < 0) {
                return Optional.empty();
            }
            if (names(headers, field)) {
                byte[] content = new byte[contentEnd - contentStart];
                System.arraycopy(body, contentStart, content, 0, content.length);
                return Optional.of(content);
            }
            at = contentEnd + 2;
        }
        return Optional.empty();
    }

    private static boolean names(String headers, String field) {
        for (String header : headers.split("\r\n")) {
            String lower = header.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("content-disposition:") && lower.contains("form-data")
                    && (header.contains("name=\"" + field + "\"") || header.contains("name=" + field + ";"))) {
                return true;
            }
        }
        return false;
    }

    private static String boundary(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return MediaType.MULTIPART_FORM_DATA.includes(type) ? type.getParameter("boundary") : null;
        } catch (RuntimeException notAType) {
            return null;
        }
    }

    private static int indexOf(byte[] bytes, byte[] pattern, int from) {
        outer:
        for (int i = Math.max(from, 0); i <= bytes.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (bytes[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
