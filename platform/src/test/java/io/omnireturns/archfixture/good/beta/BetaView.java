package io.omnireturns.archfixture.good.beta;

import io.omnireturns.archfixture.good.alpha.AlphaRules;

public class BetaView {

    public Object rules() {
        return new AlphaRules();
    }
}
