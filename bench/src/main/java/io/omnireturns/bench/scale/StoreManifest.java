package io.omnireturns.bench.scale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a generated store holds, kept beside it ({@code manifest.json}) so that a later run can measure on it again
 * without generating it anew.
 */
record StoreManifest(int returns, int returnsPerCustomer, int customers, long events, double generationSeconds,
                     List<TemplateSummary> templates) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    record TemplateSummary(String name, double share, int events, List<String> returnEventTypes) {
    }

    static StoreManifest read(Path file) {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            return JSON.readValue(file.toFile(), StoreManifest.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(Path file) {
        try {
            JSON.writeValue(file.toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Which template return {@code n} was generated from (the same choice as {@link StoreGenerator#templateOf}). */
    TemplateSummary templateOf(long n) {
        double pick = (StoreGenerator.mix(n * 31 + 7) >>> 11) * 0x1.0p-53;
        double total = templates.stream().mapToDouble(TemplateSummary::share).sum();
        double at = 0;
        for (TemplateSummary template : templates) {
            at += template.share() / total;
            if (pick < at) {
                return template;
            }
        }
        return templates.get(templates.size() - 1);
    }
}
