package io.omnireturns.command.connectors.common;

import io.omnireturns.api.error.FailureCode;
import io.omnireturns.api.returns.ExternalSystem;

import java.util.Random;
import java.util.concurrent.locks.LockSupport;

/**
 * What makes a sandbox behave like a real system: it takes time and it sometimes fails (retryably).
 * Failures are injected before any effect, as a real system's timeout or 503 would be from our side.
 */
public class SandboxBehaviour {

    private final ExternalSystem system;
    private final ConnectorSettings.Sandbox settings;
    private final Random random;
    private volatile double failureRate;

    public SandboxBehaviour(ExternalSystem system, ConnectorSettings.Sandbox settings) {
        this.system = system;
        this.settings = settings;
        this.random = settings.seed() == 0 ? new Random() : new Random(settings.seed());
        this.failureRate = settings.failureRate();
    }

    public static SandboxBehaviour immediate(ExternalSystem system) {
        return new SandboxBehaviour(system, ConnectorSettings.defaults().sandbox());
    }

    /** Call at the start of every sandbox operation. */
    public void beforeCall(String operation) {
        long latencyNanos = nextLatencyNanos();
        if (latencyNanos > 0) {
            LockSupport.parkNanos(latencyNanos);
        }
        boolean fail;
        synchronized (random) {
            fail = failureRate > 0 && random.nextDouble() < failureRate;
        }
        if (fail) {
            throw new ConnectorException(system, FailureCode.SANDBOX_UNAVAILABLE,
                    "injected failure of " + operation + " (sandbox failure rate " + failureRate + ")");
        }
    }

    /** How long the next call takes: the fixed latency, or a draw from the log-normal around its median. */
    long nextLatencyNanos() {
        if (!settings.hasLatency()) {
            return 0;
        }
        long median = settings.latency().toNanos();
        if (settings.latencyDistribution() == ConnectorSettings.LatencyDistribution.FIXED) {
            return median;
        }
        double z;
        synchronized (random) {
            z = random.nextGaussian();
        }
        return (long) (median * Math.exp(settings.latencySigma() * z));
    }

    /** Tests and demos can make a system flaky or healthy at run time. */
    public void setFailureRate(double failureRate) {
        this.failureRate = failureRate;
    }
}
