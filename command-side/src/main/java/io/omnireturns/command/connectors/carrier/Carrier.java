package io.omnireturns.command.connectors.carrier;

public interface Carrier {

    /** Same idempotency key, same label. */
    ReturnLabel issueLabel(LabelRequest request);
}
