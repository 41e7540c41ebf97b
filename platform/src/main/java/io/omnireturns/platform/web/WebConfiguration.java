package io.omnireturns.platform.web;

import org.apache.catalina.Lifecycle;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.ErrorReportValve;
import org.axonframework.commandhandling.CommandBus;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcRegistrations;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Problem details for every error (Spring MVC's, the error page's and Tomcat's own), and strict JSON bodies. */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
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

    @Bean
    public StrictJsonBodies strictJsonBodies() {
        return new StrictJsonBodies();
    }

    @Bean
    public WebMvcConfigurer acceptableAnswerCheck() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new AcceptableAnswerCheck());
            }
        };
    }

    /** Spring MVC's controllers found by their path first ({@link PathFirstHandlerMapping}). */
    @Bean
    public WebMvcRegistrations pathFirstHandlerMapping() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new PathFirstHandlerMapping();
            }
        };
    }

    /** Boot's error controller backs off when this one is present. */
    @Bean
    public ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Tomcat.class)
    static class TomcatErrors {

        /**
         * Tomcat's error page becomes problem details. Boot adds a plain {@link ErrorReportValve} to the host too;
         * it is swapped just before the context starts, when every customizer has run, whatever their order.
         */
        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReportValve() {
            return factory -> factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
                if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                    Pipeline host = context.getParent().getPipeline();
                    for (Valve valve : host.getValves()) {
                        if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
                            host.removeValve(valve);
                        }
                    }
                    if (java.util.Arrays.stream(host.getValves()).noneMatch(ProblemErrorReportValve.class::isInstance)) {
                        host.addValve(new ProblemErrorReportValve());
                    }
                }
            }));
        }
    }
}
