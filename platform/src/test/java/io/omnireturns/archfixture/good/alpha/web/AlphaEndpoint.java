package io.omnireturns.archfixture.good.alpha.web;

import io.omnireturns.archfixture.good.alpha.application.AlphaService;

public class AlphaEndpoint {

    public String get() {
        return new AlphaService().answer();
    }
}
