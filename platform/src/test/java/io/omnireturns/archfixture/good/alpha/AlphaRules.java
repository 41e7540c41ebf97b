package io.omnireturns.archfixture.good.alpha;

import io.omnireturns.archfixture.good.alpha.connectors.AlphaAnswer;
import io.omnireturns.platform.architecture.PlainJava;

import java.time.Instant;

@PlainJava
public final class AlphaRules {

    public AlphaAnswer decide(Instant now) {
        return new AlphaAnswer(now.toString());
    }
}
