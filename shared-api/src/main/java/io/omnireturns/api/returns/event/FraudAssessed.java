package io.omnireturns.api.returns.event;

import io.omnireturns.api.catalogue.EventMeaning;
import io.omnireturns.api.returns.*;
import java.util.List;
import org.axonframework.serialization.Revision;

@EventMeaning("Fraud scoring answered: a score from 0 to 100, whether a person must review the return, and the "
        + "signals behind it.")
@Revision("1")
public record FraudAssessed(String returnId, int score, boolean reviewRequired, List<String> signals) implements ReturnEvent {
}
