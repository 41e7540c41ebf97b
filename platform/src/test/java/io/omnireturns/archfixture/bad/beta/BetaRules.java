package io.omnireturns.archfixture.bad.beta;

import io.omnireturns.archfixture.bad.alpha.application.AlphaService;
import io.omnireturns.platform.architecture.PlainJava;

import java.sql.Timestamp;
import java.time.Instant;

/** Marked plain, yet reads the clock, uses SQL and calls an adapter. */
@PlainJava
public final class BetaRules {

    public Timestamp stamp() {
        return Timestamp.from(Instant.now());
    }

    public Object service() {
        return new AlphaService();
    }
}
