package io.omnireturns.api.money;

/** Refused money arithmetic, with a stable code (e.g. {@code CURRENCY_MISMATCH}). */
public class MoneyException extends RuntimeException {

    private final String code;

    public MoneyException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
