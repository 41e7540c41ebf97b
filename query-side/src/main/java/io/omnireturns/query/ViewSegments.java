package io.omnireturns.query;

import io.omnireturns.platform.axon.OneSegmentWhileOptimised;

import java.util.List;

/**
 * One segment per view processor while {@code omnireturns.engine.optimised} is on (the default), instead of the
 * segment counts in {@code omnireturns-*.properties} (status view 4, the others 2): see {@link OneSegmentWhileOptimised}.
 */
public class ViewSegments extends OneSegmentWhileOptimised {

    public ViewSegments() {
        super("omnireturns-view-segments",
                List.of("return-status", "exception-queue", "kpi", "finance-ledger", "returns-analytics"));
    }
}
