package io.omnireturns.archfixture.bad.alpha.web;

public class AlphaEndpoint {
}
