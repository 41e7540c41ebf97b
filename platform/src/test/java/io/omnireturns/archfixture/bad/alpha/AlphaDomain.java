package io.omnireturns.archfixture.bad.alpha;

import io.omnireturns.archfixture.bad.alpha.application.AlphaService;
import io.omnireturns.archfixture.bad.beta.BetaDomain;

/** Calls its own application service (layers point outwards) and needs beta, which needs alpha (a cycle). */
public class AlphaDomain {

    public Object backwards() {
        return new AlphaService();
    }

    public Object beta() {
        return new BetaDomain();
    }
}
