package io.omnireturns.platform.web;

import jakarta.validation.Validator;
import jakarta.validation.constraints.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.annotation.Validated;
import org.springframework.validation.beanvalidation.MethodValidationPostProcessor;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MethodValidationConfigurationTest {

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class,
                    MethodValidationConfiguration.class))
            .withUserConfiguration(ValidatedBeans.class);

    @Test
    void the_validator_is_looked_up_once_however_many_calls_are_validated() {
        AtomicInteger lookups = new AtomicInteger();
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("validator", jakarta.validation.Validation.buildDefaultValidatorFactory().getValidator());
        ObjectProvider<Validator> counted = new CountingProvider(beans.getBeanProvider(Validator.class), lookups);

        ObjectProvider<Validator> once = new MethodValidationConfiguration.ResolvedOnce<>(counted);
        Validator first = once.getObject();
        for (int call = 0; call < 100; call++) {
            assertThat(once.getObject()).isSameAs(first);
        }

        assertThat(lookups).hasValue(1);
    }

    @Test
    void validated_beans_are_still_validated_by_the_one_post_processor_this_configuration_defines() {
        contexts.run(context -> {
            assertThat(context).hasSingleBean(MethodValidationPostProcessor.class);
            String name = context.getBeanNamesForType(MethodValidationPostProcessor.class)[0];
            assertThat(context.getBeanFactory().getBeanDefinition(name).getResourceDescription())
                    .contains(MethodValidationConfiguration.class.getSimpleName());
            Greeter greeter = context.getBean(Greeter.class);
            assertThat(greeter.greet("RET-1")).isEqualTo("hello RET-1");
            assertThatThrownBy(() -> greeter.greet("no spaces allowed"))
                    .hasMessageContaining("must match");
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class ValidatedBeans {

        @Bean
        Greeter greeter() {
            return new Greeter();
        }
    }

    @Validated
    static class Greeter {

        String greet(@Pattern(regexp = "[A-Z0-9-]+") String returnId) {
            return "hello " + returnId;
        }
    }

    private record CountingProvider(ObjectProvider<Validator> provider, AtomicInteger lookups)
            implements ObjectProvider<Validator> {

        @Override
        public Validator getObject() {
            lookups.incrementAndGet();
            return provider.getObject();
        }

        @Override
        public Validator getObject(Object... args) {
            return getObject();
        }

        @Override
        public Validator getIfAvailable() {
            return getObject();
        }

        @Override
        public Validator getIfUnique() {
            return getObject();
        }
    }
}
