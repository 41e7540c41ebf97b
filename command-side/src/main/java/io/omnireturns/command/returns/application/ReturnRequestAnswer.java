package io.omnireturns.command.returns.application;

import io.omnireturns.api.returns.LineDecision;
import io.omnireturns.api.returns.ReturnStatus;

import java.util.List;

/** What a channel gets back for a return request: the id, the status and the decision per line. */
public record ReturnRequestAnswer(String returnId, ReturnStatus status, List<LineDecision> lines) {
}
