/**
 * Two small sides for {@code FeatureArchitectureTest}: {@code good} follows every rule of
 * {@link io.omnireturns.platform.testing.FeatureArchitecture}, {@code bad} breaks each one once. Never imported by
 * the real architecture tests ({@code FeatureArchitecture.classesOf} leaves test classes out).
 */
package io.omnireturns.archfixture;
