package io.omnireturns.console.returns;

import org.springframework.context.ApplicationContext;
import org.springframework.core.convert.ConversionService;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Renders the return page's fragments to HTML outside a request (for the live stream): the same template, so a
 * pushed fragment looks exactly like the page's. The fragments therefore build their links and forms without
 * request-bound helpers (plain paths, an explicit CSRF field).
 */
@Component
class ReturnFragments {

    static final String TEMPLATE = "console/returns/return";
    /** The fragments the live stream re-renders; each is also the name of its SSE event. */
    static final List<String> LIVE = List.of("header", "lines", "refund", "systems", "notes", "timeline", "actions");

    private final ITemplateEngine engine;
    private final ApplicationContext application;
    private final ConversionService conversions;

    ReturnFragments(ITemplateEngine engine, ApplicationContext application,
                    @org.springframework.beans.factory.annotation.Qualifier("mvcConversionService")
                    ConversionService conversions) {
        this.engine = engine;
        this.application = application;
        this.conversions = conversions;
    }

    String render(String fragment, Map<String, Object> model) {
        Context context = new Context(Locale.ENGLISH, model);
        context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(application, conversions));
        return engine.process(TEMPLATE, Set.of(fragment), context);
    }
}
