package io.omnireturns.command.integration;

import java.util.Arrays;
import java.util.Optional;

/** The external systems that may send us events, as named in the webhook path. */
public enum IntegrationSystem {

    CARRIER("carrier", CarrierMessage.class),
    PAYMENTS("payments", PaymentsMessage.class),
    WAREHOUSE("warehouse", WarehouseMessage.class);

    private final String path;
    private final Class<? extends InboundMessage> messageType;

    IntegrationSystem(String path, Class<? extends InboundMessage> messageType) {
        this.path = path;
        this.messageType = messageType;
    }

    public String path() {
        return path;
    }

    Class<? extends InboundMessage> messageType() {
        return messageType;
    }

    public static Optional<IntegrationSystem> ofPath(String path) {
        return Arrays.stream(values()).filter(system -> system.path.equals(path)).findFirst();
    }
}
