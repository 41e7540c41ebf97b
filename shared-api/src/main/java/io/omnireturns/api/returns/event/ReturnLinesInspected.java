package io.omnireturns.api.returns.event;

import io.omnireturns.api.catalogue.EventMeaning;
import io.omnireturns.api.returns.*;
import java.util.List;
import org.axonframework.serialization.Revision;

@EventMeaning("Received lines were inspected: accepted and rejected quantities, grade and disposition per line.")
@Revision("1")
public record ReturnLinesInspected(String returnId, String inspectionId, List<InspectedLine> lines) implements ReturnEvent {
}
