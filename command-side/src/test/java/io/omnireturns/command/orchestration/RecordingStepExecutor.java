package io.omnireturns.command.orchestration;

import java.util.ArrayList;
import java.util.List;

/** Stands in for the remote systems: remembers every step call the saga hands over and calls nothing. */
final class RecordingStepExecutor implements StepExecutor {

    private final List<StepCall> calls = new ArrayList<>();

    @Override
    public void execute(StepCall call) {
        calls.add(call);
    }

    List<StepCall> calls() {
        return List.copyOf(calls);
    }

    /** The step keys called, in call order. */
    List<String> stepKeys() {
        return calls.stream().map(StepCall::stepKey).toList();
    }

    /** The one call of this kind; fails when there is none or more than one. */
    <T extends StepCall> T onlyCall(Class<T> kind) {
        List<T> matching = callsOf(kind);
        if (matching.size() != 1) {
            throw new AssertionError("expected exactly one " + kind.getSimpleName() + " call but saw " + calls);
        }
        return matching.get(0);
    }

    /** The one call of this step key; fails when there is none or more than one. */
    StepCall onlyCall(String stepKey) {
        List<StepCall> matching = calls.stream().filter(call -> call.stepKey().equals(stepKey)).toList();
        if (matching.size() != 1) {
            throw new AssertionError("expected exactly one call of " + stepKey + " but saw " + calls);
        }
        return matching.get(0);
    }

    <T extends StepCall> List<T> callsOf(Class<T> kind) {
        return calls.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /** Forgets what was called so far: the fixture calls this when its "when" phase starts. */
    void forget() {
        calls.clear();
    }
}
