package io.omnireturns.api.error;

/**
 * A refusal with a stable, documented error code (e.g. {@code RETURN_NOT_CANCELLABLE}). The code is the
 * contract; the message is for people. The kind tells the web layer which HTTP status family it maps to.
 */
public class DomainException extends RuntimeException {

    private final String code;
    private final ErrorKind kind;

    public DomainException(ErrorKind kind, String code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
    }

    public String code() {
        return code;
    }

    public ErrorKind kind() {
        return kind;
    }
}
