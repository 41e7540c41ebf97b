package io.omnireturns.api.catalogue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout's {@code docs/} folder, found from the module's working directory, for the generated catalogues. */
public final class CheckoutDocs {

    private CheckoutDocs() {
    }

    /** {@code docs/<name>} at the root of the checkout. */
    public static Path file(String name) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isDirectory(dir.resolve("docs")) && Files.exists(dir.resolve("shared-api")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("run from inside the omnireturns checkout");
        }
        return dir.resolve("docs").resolve(name);
    }
}
