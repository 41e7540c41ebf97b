package io.omnireturns.archfixture.good.alpha.application;

import io.omnireturns.archfixture.good.alpha.AlphaRules;

import java.time.Instant;

public class AlphaService {

    public String answer() {
        return new AlphaRules().decide(Instant.EPOCH).text();
    }
}
