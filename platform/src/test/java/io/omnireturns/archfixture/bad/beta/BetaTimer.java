package io.omnireturns.archfixture.bad.beta;

import io.omnireturns.archfixture.bad.alpha.engine.AlphaRow;
import io.omnireturns.archfixture.bad.webhooks.web.WebhookEndpoint;
import io.omnireturns.platform.architecture.PlainJava;

import java.time.Instant;
import java.util.function.Supplier;

/** Marked plain, yet tells the time two more ways and holds an engine's record; also uses another web adapter. */
@PlainJava
public final class BetaTimer {

    public long millis() {
        return System.currentTimeMillis();
    }

    public Supplier<Instant> clock() {
        return Instant::now;
    }

    public AlphaRow row() {
        return new AlphaRow("1");
    }

    public Object webhooks() {
        return new WebhookEndpoint();
    }
}
