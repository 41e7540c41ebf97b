package io.omnireturns.api.returns.event;

import io.omnireturns.api.catalogue.EventMeaning;
import io.omnireturns.api.returns.*;
import org.axonframework.serialization.Revision;

@EventMeaning(value = "The customer was told, through the named channel (e.g. EMAIL), that the return reached a milestone.",
        revisions = "2: notificationChannel renamed to channel")
@Revision("2")
public record CustomerNotified(String returnId, String milestone, String channel) implements ReturnEvent {
}
