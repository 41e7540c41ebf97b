package io.omnireturns.chaos.sandbox;

import java.util.concurrent.CountDownLatch;

/**
 * The sandbox-systems process: {@code java … io.omnireturns.chaos.ChaosMain sandbox-systems <port> [seed]}. Prints
 * {@code SANDBOX-SYSTEMS LISTENING <port>} once it answers, then serves until it is stopped.
 */
public final class SandboxSystemsMain {

    public static final String READY_LINE = "SANDBOX-SYSTEMS LISTENING ";

    private SandboxSystemsMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 0;
        SandboxSystems systems = SandboxSystems.start(port, seed);
        Runtime.getRuntime().addShutdownHook(new Thread(systems::close));
        System.out.println(READY_LINE + systems.port());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
