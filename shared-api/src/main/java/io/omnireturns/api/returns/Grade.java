package io.omnireturns.api.returns;

/** Condition of a returned item as graded at inspection. */
public enum Grade {
    NEW,
    LIKE_NEW,
    USED,
    DAMAGED,
    UNSALEABLE
}
