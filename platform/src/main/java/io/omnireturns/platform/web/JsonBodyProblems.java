package io.omnireturns.platform.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.springframework.http.converter.HttpMessageNotReadableException;

import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

/**
 * Says what is wrong with a request body in the API's terms (field path, expected JSON type, allowed values),
 * never in Java's: Jackson's own messages name internal classes and may quote the whole input.
 */
final class JsonBodyProblems {

    static final String MALFORMED_REQUEST = "MALFORMED_REQUEST";
    static final String UNKNOWN_FIELD = "UNKNOWN_FIELD";
    static final String DUPLICATE_FIELD = "DUPLICATE_FIELD";

    private static final String DUPLICATE = "Duplicate field";

    /** The longest piece of client input quoted back in a problem. */
    static final int QUOTE_LIMIT = 64;

    record Described(String code, String detail) {
    }

    private JsonBodyProblems() {
    }

    static Described describe(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            // mass assignment: a client names only what it may say; status, amounts and ids are the service's
            return new Described(UNKNOWN_FIELD, "field '" + path(unknown, quote(unknown.getPropertyName()))
                    + "' is not accepted by this operation; it takes only " + unknown.getKnownPropertyIds());
        }
        for (Throwable inner = cause; inner != null; inner = inner.getCause() == inner ? null : inner.getCause()) {
            // a duplicate inside a nested object arrives wrapped in a mapping exception
            if (inner instanceof StreamReadException syntax
                    && String.valueOf(syntax.getOriginalMessage()).startsWith(DUPLICATE)) {
                return new Described(DUPLICATE_FIELD, "a field is given twice in one object: "
                        + quote(syntax.getOriginalMessage().substring(DUPLICATE.length()).strip())
                        + at(syntax.getLocation()));
            }
        }
        if (cause instanceof StreamReadException syntax) {
            return new Described(MALFORMED_REQUEST, "the request body is not valid JSON" + at(syntax.getLocation()));
        }
        if (cause instanceof MismatchedInputException mismatch) {
            String path = path(mismatch, null);
            if (mismatch.getOriginalMessage() != null && mismatch.getOriginalMessage().startsWith("Trailing token")) {
                return new Described(MALFORMED_REQUEST, "the request body has more after its JSON value");
            }
            String expected = expected(mismatch.getTargetType());
            String given = mismatch instanceof InvalidFormatException format && format.getValue() != null
                    ? ", not '" + quote(String.valueOf(format.getValue())) + "'" : "";
            return new Described(MALFORMED_REQUEST, path.isEmpty()
                    ? "the request body must be a JSON object"
                    : "field '" + path + "' must be " + expected + given);
        }
        if (cause instanceof JsonMappingException mapping) {
            String path = path(mapping, null);
            return new Described(MALFORMED_REQUEST, path.isEmpty()
                    ? "the request body does not fit this operation"
                    : "field '" + path + "' has a value this operation does not take");
        }
        if (cause instanceof JsonProcessingException) {
            return new Described(MALFORMED_REQUEST, "the request body is not valid JSON");
        }
        return new Described(MALFORMED_REQUEST, "this operation needs a JSON body");
    }

    /** What a value of the given type is written as in JSON. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "of another JSON type";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == int.class || type == long.class || type == short.class || type == Integer.class
                || type == Long.class || type == Short.class || type == java.math.BigInteger.class) {
            return "a whole number (no fraction, not in quotes)";
        }
        if (type == double.class || type == float.class || Number.class.isAssignableFrom(type)) {
            return "a number (not in quotes)";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        return "an object";
    }

    /** Cuts client input quoted back to {@value #QUOTE_LIMIT} characters. */
    static String quote(String value) {
        if (value == null) {
            return "";
        }
        return value.length() > QUOTE_LIMIT ? value.substring(0, QUOTE_LIMIT) + "…" : value;
    }

    private static String path(JsonMappingException e, String last) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(quote(reference.getFieldName()));
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        if (last != null && !e.getPath().isEmpty()) {
            // the unknown field is the path's last element already
            return path.toString();
        }
        return last == null ? path.toString() : last;
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
