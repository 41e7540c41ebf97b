package io.omnireturns.distribution.contract;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout's {@code docs/} folder, found from the module's working directory, for the generated documents. */
final class RepositoryDocs {

    private RepositoryDocs() {
    }

    static Path path(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isDirectory(dir.resolve("docs")) && Files.exists(dir.resolve("distribution")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("run from inside the omnireturns checkout");
        }
        return dir.resolve("docs").resolve(relative);
    }
}
