package io.omnireturns.api.error;

public enum ErrorKind {
    /** The input itself is wrong (400). */
    INVALID_INPUT,
    /** Something named does not exist (404). */
    NOT_FOUND,
    /** Not allowed in the current state (409). */
    ILLEGAL_STATE,
    /** Well-formed but refused by a business rule (422). */
    RULE_VIOLATION,
    /** The caller is known but may not do this (403). */
    FORBIDDEN,
    /** A system the answer depends on cannot answer now; nothing was changed and asking again is safe (503). */
    UNAVAILABLE
}
