package io.omnireturns.api.returns.command;

import io.omnireturns.api.returns.KeptLine;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** The keep-it policy's decision at request time: these authorized lines stay with the customer. */
public record KeepLines(@TargetAggregateIdentifier String returnId, List<KeptLine> lines) {
}
