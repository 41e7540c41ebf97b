package io.omnireturns.platform.database.outage;

/** Thrown where this process already knows the database is unreachable, so the call need not wait to find out. */
public class DatabaseUnavailableException extends RuntimeException {

    public DatabaseUnavailableException(String message) {
        super(message);
    }
}
