package io.omnireturns.api.returns.event;

import io.omnireturns.api.returns.*;
import org.axonframework.serialization.Revision;

@Revision("1")
public record CustomerNotified(String returnId, String milestone, String notificationChannel) implements ReturnEvent {
}
