package io.omnireturns.command.orchestration.engine;

import java.util.List;

/**
 * Another writer stored these processes after this node read them (it owned their segment meanwhile). Thrown at the
 * batch's prepare-commit: the batch and its token roll back, the cached copies are dropped, and the batch is handled
 * again on the stored rows, so nothing the stale copies decided is ever dispatched.
 */
public class StaleProcessException extends RuntimeException {

    private final List<String> returnIds;

    public StaleProcessException(List<String> returnIds) {
        super("return processes moved on meanwhile: " + returnIds);
        this.returnIds = List.copyOf(returnIds);
    }

    public List<String> returnIds() {
        return returnIds;
    }
}
