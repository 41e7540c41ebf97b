package io.omnireturns.platform.axon.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnireturns.api.returns.event.CustomerNotified;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * {@link CustomerNotified} revision 1 named its channel {@code notificationChannel}; revision 2 calls it
 * {@code channel}. Events stored as revision 1 are rewritten to revision 2 as they are read, by the aggregate and
 * by every projection alike, so no handler ever sees the old shape.
 */
public class CustomerNotifiedChannelUpcaster extends SingleEventUpcaster {

    static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(CustomerNotified.class.getName(), "1");
    static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(CustomerNotified.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, CustomerNotifiedChannelUpcaster::renameChannel);
    }

    private static JsonNode renameChannel(JsonNode payload) {
        if (payload instanceof ObjectNode event && event.has("notificationChannel")) {
            event.set("channel", event.remove("notificationChannel"));
        }
        return payload;
    }
}
