package io.omnireturns.archfixture.good.alpha.connectors;

/** A value an adapter (a connector) defines: plain code may use it. */
public record AlphaAnswer(String text) {
}
