package io.omnireturns.api.query;

/** Where an exception of the queue stands: waiting for operations, or resolved (retried, resumed, ended). */
public enum ExceptionState {
    OPEN,
    RESOLVED
}
