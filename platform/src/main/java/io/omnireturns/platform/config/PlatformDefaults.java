package io.omnireturns.platform.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Defaults every omnireturns process shares (the all-in-one app and each side alone), added with the
 * lowest precedence so application.yml, the environment and the command line all override them.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            for (String file : new String[] {"omnireturns-platform.properties", "omnireturns-security.properties"}) {
                for (PropertySource<?> source : new PropertiesPropertySourceLoader()
                        .load(file.replace(".properties", "-defaults"), new ClassPathResource(file))) {
                    environment.getPropertySources().addLast(source);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
