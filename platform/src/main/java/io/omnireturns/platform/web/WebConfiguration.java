package io.omnireturns.platform.web;

import org.axonframework.commandhandling.CommandBus;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

@AutoConfiguration
@Import(ProblemDetailsAdvice.class)
public class WebConfiguration {

    @Bean
    public RequestMetadataInterceptor requestMetadataInterceptor(CommandBus commandBus) {
        RequestMetadataInterceptor interceptor = new RequestMetadataInterceptor();
        commandBus.registerDispatchInterceptor(interceptor);
        return interceptor;
    }

    @Bean
    public ProblemDetailsOpenApiCustomizer problemDetailsOpenApiCustomizer() {
        return new ProblemDetailsOpenApiCustomizer();
    }
}
