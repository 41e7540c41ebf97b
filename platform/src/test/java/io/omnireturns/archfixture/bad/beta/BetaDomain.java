package io.omnireturns.archfixture.bad.beta;

import io.omnireturns.archfixture.bad.alpha.AlphaDomain;
import io.omnireturns.archfixture.bad.alpha.web.AlphaEndpoint;

/** Needs alpha back (the cycle) and another feature's web adapter. */
public class BetaDomain {

    public Object alpha() {
        return new AlphaDomain();
    }

    public Object endpoint() {
        return new AlphaEndpoint();
    }
}
