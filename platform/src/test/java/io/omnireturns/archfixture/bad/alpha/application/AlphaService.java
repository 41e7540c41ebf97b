package io.omnireturns.archfixture.bad.alpha.application;

public class AlphaService {
}
