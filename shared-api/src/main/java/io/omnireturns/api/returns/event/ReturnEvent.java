package io.omnireturns.api.returns.event;

/** Every event of a return names the return it belongs to. */
public interface ReturnEvent {
    String returnId();
}
