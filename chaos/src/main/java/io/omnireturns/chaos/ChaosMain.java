package io.omnireturns.chaos;

import io.omnireturns.chaos.check.ChaosReport;
import io.omnireturns.chaos.sandbox.SandboxSystemsMain;

import java.util.Arrays;

/**
 * {@code chaos/run [--name=value …]}: the full chaos run (see ChaosSettings), exit 0 when every invariant holds,
 * 1 when one does not. {@code … sandbox-systems <port> [seed]} runs the shared sandbox-systems process instead.
 */
public final class ChaosMain {

    private ChaosMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && "sandbox-systems".equals(args[0])) {
            SandboxSystemsMain.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        ChaosSettings settings = ChaosSettings.full();
        if (args.length > 0 && "--short".equals(args[0])) {
            settings = ChaosSettings.shortRun(settings.appJar(), settings.workDir());
            args = Arrays.copyOfRange(args, 1, args.length);
        }
        settings = settings.with(args);
        ChaosReport report = new ChaosRun(settings, System.out).run();
        System.out.println(report.summary());
        System.exit(report.failures().isEmpty() ? 0 : 1);
    }
}
