package io.omnireturns.bench;

/** Entry point of the benchmark harness (see BENCHMARKS.md). */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) {
        throw new UnsupportedOperationException("the benchmark harness is being built (issue 6)");
    }
}
