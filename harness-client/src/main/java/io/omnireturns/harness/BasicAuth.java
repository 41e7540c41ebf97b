package io.omnireturns.harness;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The {@code Authorization} header of a demo user (the service's demo security mode takes HTTP Basic). */
public final class BasicAuth {

    private BasicAuth() {
    }

    public static String header(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
