package io.omnireturns.archfixture.bad.alpha.engine;

/** A record of an engine: infrastructure, even as a value. */
public record AlphaRow(String id) {
}
